// The operations the benchmarks send: what a business's order board asks for and listens to.
export const ORDERS_QUERY = `query BoardOrders {
  orders {
    id state quantity total createdAt updatedAt queuePosition estimatedReadyAt
    menuItem { id name price }
    customer { id name }
  }
}`;

export const BOARD_SUBSCRIPTION = `subscription BoardUpdates {
  orderUpdated {
    id state quantity total updatedAt queuePosition estimatedReadyAt
    menuItem { id name }
    customer { id name }
  }
}`;
