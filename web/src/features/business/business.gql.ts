// Operations of the business screens: the live board and the menu & stock editor.
import { graphql } from '../../gql';

export const KitchenFragment = graphql(`
  fragment KitchenInfo on Business {
    id
    name
    imageUrl
    kitchen {
      capacity
      prepTimeMs
      queueLength
      cooking
    }
  }
`);

export const TicketFragment = graphql(`
  fragment Ticket on Order {
    id
    state
    quantity
    total
    createdAt
    updatedAt
    acceptedAt
    startedAt
    completedAt
    queuePosition
    estimatedReadyAt
    menuItem {
      id
      name
      imageUrl
    }
    customer {
      id
      name
    }
  }
`);

export const BoardDocument = graphql(`
  query Board {
    me {
      ... on Business {
        ...KitchenInfo
      }
    }
    orders {
      ...Ticket
    }
  }
`);

export const BoardOrderUpdatedDocument = graphql(`
  subscription BoardOrderUpdated {
    orderUpdated {
      ...Ticket
    }
  }
`);

export const AcceptOrderDocument = graphql(`
  mutation AcceptOrder($id: ID!) {
    acceptOrder(id: $id) {
      ...Ticket
    }
  }
`);

export const RejectOrderDocument = graphql(`
  mutation RejectOrder($id: ID!) {
    rejectOrder(id: $id) {
      ...Ticket
    }
  }
`);

export const CompleteOrderDocument = graphql(`
  mutation CompleteOrder($id: ID!) {
    completeOrder(id: $id) {
      ...Ticket
    }
  }
`);

export const EditableMenuItemFragment = graphql(`
  fragment EditableMenuItem on MenuItem {
    id
    name
    imageUrl
    price
    inStore
  }
`);

export const MyMenuDocument = graphql(`
  query MyMenu {
    me {
      ... on Business {
        id
        name
        menu {
          ...EditableMenuItem
        }
      }
    }
  }
`);

export const MyMenuUpdatedDocument = graphql(`
  subscription MyMenuUpdated($businessId: ID!) {
    menuUpdated(businessId: $businessId) {
      ...EditableMenuItem
    }
  }
`);

export const SaveMenuDocument = graphql(`
  mutation SaveMenu($items: [MenuItemInput!]!) {
    setMenuAndInstore(items: $items) {
      ...EditableMenuItem
    }
  }
`);

export const NewOrderDocument = graphql(`
  subscription NewOrder {
    newOrder {
      ...Ticket
    }
  }
`);

/** Only id and state: enough to stop flagging an order once it has been decided. */
export const OrderDecidedDocument = graphql(`
  subscription OrderDecided {
    orderUpdated {
      id
      state
    }
  }
`);

export const PendingOrdersDocument = graphql(`
  query PendingOrders {
    orders(state: PENDING) {
      ...Ticket
    }
  }
`);
