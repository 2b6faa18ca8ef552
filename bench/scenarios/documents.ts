// The operations the benchmarks send: what a business's order board asks for and listens to.
export const ORDERS_QUERY = `query BoardOrders {
  orders {
    id state quantity total createdAt updatedAt queuePosition estimatedReadyAt
    menuItem { id name price }
    customer { id name }
  }
}`;

/** A business's menu, as anyone (no token) reads it before ordering. Variables: `{ id }`. */
export const MENU_QUERY = `query Menu($id: ID!) { menu(businessId: $id) { id name imageUrl price inStore } }`;

export const BOARD_SUBSCRIPTION = `subscription BoardUpdates {
  orderUpdated {
    id state quantity total updatedAt queuePosition estimatedReadyAt
    menuItem { id name }
    customer { id name }
  }
}`;

/**
 * What the board loads during service (web/src/features/business/BoardScreen.svelte): each column
 * on its own, only as many as it shows, and today's count of done orders. One request here.
 */
export const BOARD_LIVE_QUERY = (() => {
  const ticket = `id state nextActions total note createdAt updatedAt acceptedAt startedAt
    completedAt queuePosition estimatedReadyAt
    lines { quantity note menuItem { id name } } customer { id name }`;
  const column = (alias: string, state: string, first: number) =>
    `${alias}: orderHistory(state: ${state}, first: ${first}) { edges { node { ${ticket} } } }`;
  return `query BoardLive($todayStart: DateTime!) {
    ${column('pending', 'PENDING', 100)}
    ${column('accepted', 'ACCEPTED', 100)}
    ${column('processing', 'PROCESSING', 20)}
    ${column('completed', 'COMPLETED', 6)}
    ${column('rejected', 'REJECTED', 6)}
    ${column('cancelled', 'CANCELLED', 6)}
    completedToday: orderHistory(state: COMPLETED, since: $todayStart, first: 1) { totalCount }
  }`;
})();
