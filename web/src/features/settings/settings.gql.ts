// The settings screen's operations: the business's webhook, setting and removing it.
import { graphql } from '../../gql';

export const WebhookSettingsDocument = graphql(`
  query WebhookSettings($first: Int!) {
    webhook {
      url
      failing
      deliveries(first: $first) {
        eventCursor
        status
        attempts
        deliveredAt
        nextAttemptAt
      }
    }
  }
`);

export const SetWebhookDocument = graphql(`
  mutation SetWebhook($url: String!) {
    setWebhook(url: $url) {
      url
      secret
      failing
    }
  }
`);

export const RemoveWebhookDocument = graphql(`
  mutation RemoveWebhook {
    removeWebhook
  }
`);
