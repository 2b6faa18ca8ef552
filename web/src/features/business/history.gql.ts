// The History screen's one operation: a page of the business's orders with the period's totals.
import { graphql } from '../../gql';

export const HistoryPageDocument = graphql(`
  query HistoryPage(
    $first: Int!
    $after: String
    $state: OrderState
    $since: DateTime
    $until: DateTime
    $search: String
  ) {
    orderHistory(
      first: $first
      after: $after
      state: $state
      since: $since
      until: $until
      search: $search
    ) {
      totalCount
      totalAmount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          state
          total
          createdAt
          customer {
            name
          }
          lines {
            quantity
            menuItem {
              name
            }
          }
          history {
            to
            reason
          }
        }
      }
    }
  }
`);
