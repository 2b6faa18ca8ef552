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
    nextActions
    total
    note
    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.
    lines {
      quantity
      note
      menuItem {
        id
        name
      }
    }
    createdAt
    updatedAt
    acceptedAt
    startedAt
    completedAt
    queuePosition
    estimatedReadyAt
    customer {
      id
      name
    }
  }
`);

export const BoardDocument = graphql(`
  query Board($todayStart: DateTime!) {
    me {
      ... on Business {
        ...KitchenInfo
        ordering {
          open
          reason
          until
        }
        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.
        kitchen {
          allDay {
            quantity
            menuItem {
              id
              name
            }
          }
        }
      }
    }
    completedToday: orderHistory(state: COMPLETED, since: $todayStart, first: 1) {
      totalCount
    }
  }
`);

/**
 * One column's orders, newest first: the board reads each state on its own and only as many as it
 * shows, so its cost stays flat however long the history. The fields are Ticket's, inline: a
 * fragment spread under edges → node would pass the depth limit.
 */
export const BoardColumnDocument = graphql(`
  query BoardColumn($state: OrderState!, $first: Int!) {
    # No totalCount: counting every done order ever would grow with the history.
    orderHistory(state: $state, first: $first) {
      edges {
        node {
          id
          state
          nextActions
          total
          note
          lines {
            quantity
            note
            menuItem {
              id
              name
            }
          }
          createdAt
          updatedAt
          acceptedAt
          startedAt
          completedAt
          queuePosition
          estimatedReadyAt
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

export const OrderingFragment = graphql(`
  fragment OrderingInfo on Business {
    id
    ordering {
      open
      reason
      until
    }
  }
`);

export const PauseOrdersDocument = graphql(`
  mutation PauseOrders($reason: String, $until: DateTime) {
    pauseOrders(reason: $reason, until: $until) {
      ...OrderingInfo
    }
  }
`);

export const ResumeOrdersDocument = graphql(`
  mutation ResumeOrders {
    resumeOrders {
      ...OrderingInfo
    }
  }
`);

/** Re-read after orders come, go or move on, so the all-day counts follow the board. */
export const BoardAllDayDocument = graphql(`
  query BoardAllDay {
    me {
      ... on Business {
        id
        kitchen {
          allDay {
            quantity
            menuItem {
              id
              name
            }
          }
        }
      }
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
  mutation RejectOrder($id: ID!, $reason: String) {
    rejectOrder(id: $id, reason: $reason) {
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

/** The pending orders (no more than a board reads), to tell news from what was already known. */
export const PendingOrdersDocument = graphql(`
  query PendingOrders {
    orderHistory(state: PENDING, first: 100) {
      edges {
        node {
          id
          lines {
            quantity
            menuItem {
              name
            }
          }
          customer {
            name
          }
        }
      }
    }
  }
`);
