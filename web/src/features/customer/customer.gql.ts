// Operations of the customer screens: businesses, menus, ordering and order tracking.
import type { MyOrderHistoryQuery } from '../../gql/graphql';
import { graphql } from '../../gql';

export const BusinessCardFragment = graphql(`
  fragment BusinessCard on Business {
    id
    name
    imageUrl
    # Inline: the server's depth limit counts fragment spreads.
    ordering {
      open
      reason
      until
    }
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

/** Polled while a customer looks at a restaurant: a pause is not pushed to customers. */
export const BusinessOrderingDocument = graphql(`
  query BusinessOrderingNow($businessId: ID!) {
    business(id: $businessId) {
      id
      ordering {
        open
        reason
        until
      }
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
      reason
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

/**
 * The customer's live orders: the newest 50 in each state, more than anyone keeps open (each
 * restaurant caps a customer's pending and accepted ones at MAX_OPEN_ORDERS, its oven at two).
 */
export const MyLiveOrdersDocument = graphql(`
  query MyLiveOrders {
    pending: orders(state: PENDING, first: 50) {
      ...CustomerOrder
    }
    accepted: orders(state: ACCEPTED, first: 50) {
      ...CustomerOrder
    }
    processing: orders(state: PROCESSING, first: 50) {
      ...CustomerOrder
    }
  }
`);

/** One page of the customer's history, newest first. */
export const MyOrderHistoryDocument = graphql(`
  query MyOrderHistory($first: Int!, $after: String) {
    orderHistory(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      # Inline, as a finished order's row needs it (no timeline or ETA): the depth limit counts
      # fragment spreads.
      edges {
        node {
          id
          state
          total
          note
          createdAt
          updatedAt
          lines {
            quantity
            note
            menuItem {
              id
              name
              imageUrl
            }
          }
          business {
            id
            name
          }
        }
      }
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

/** A finished order as a row of My orders (a page of history). */
export type PastOrder = MyOrderHistoryQuery['orderHistory']['edges'][number]['node'];
