// Operations of the customer screens: businesses, menus, ordering and order tracking.
import { graphql } from '../../gql';

export const BusinessCardFragment = graphql(`
  fragment BusinessCard on Business {
    id
    name
    imageUrl
    kitchen {
      capacity
      cooking
      queueLength
      prepTimeMs
    }
  }
`);

export const BusinessesDocument = graphql(`
  query Businesses {
    businesses {
      ...BusinessCard
    }
  }
`);

export const MenuItemCardFragment = graphql(`
  fragment MenuItemCard on MenuItem {
    id
    name
    imageUrl
    price
    inStore
  }
`);

export const BusinessMenuDocument = graphql(`
  query BusinessMenu($businessId: ID!) {
    business(id: $businessId) {
      ...BusinessCard
    }
    menu(businessId: $businessId) {
      ...MenuItemCard
    }
  }
`);

export const MenuUpdatedDocument = graphql(`
  subscription MenuUpdated($businessId: ID!) {
    menuUpdated(businessId: $businessId) {
      ...MenuItemCard
    }
  }
`);

export const CustomerOrderFragment = graphql(`
  fragment CustomerOrder on Order {
    id
    state
    nextActions
    total
    note
    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.
    lines {
      quantity
      unitPrice
      total
      note
      menuItem {
        id
        name
        imageUrl
      }
    }
    createdAt
    updatedAt
    acceptedAt
    startedAt
    completedAt
    queuePosition
    estimatedReadyAt
    business {
      id
      name
      kitchen {
        prepTimeMs
      }
    }
    history {
      at
      from
      to
      actor
    }
  }
`);

export const PlaceOrderDocument = graphql(`
  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {
    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {
      ...CustomerOrder
    }
  }
`);

export const MyOrdersDocument = graphql(`
  query MyOrders {
    orders {
      ...CustomerOrder
    }
  }
`);

export const MyOrderUpdatedDocument = graphql(`
  subscription MyOrderUpdated {
    orderUpdated {
      ...CustomerOrder
    }
  }
`);

export const TrackOrderDocument = graphql(`
  subscription TrackOrder($id: ID!) {
    orderUpdated(id: $id) {
      ...CustomerOrder
    }
  }
`);

export const OrderDocument = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      ...CustomerOrder
    }
  }
`);

export const CancelOrderDocument = graphql(`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      ...CustomerOrder
    }
  }
`);
