// The board's one-click actions as typed mutations, each returning the updated ticket.
import type { Client } from '@urql/core';
import type { TicketFragment } from '../../gql/graphql';
import { run, type Loaded } from '../../graphql/live';
import type { UserAction } from '../../lib/errors';
import { shortId } from '../../lib/status';
import { AcceptOrderDocument, CompleteOrderDocument, RejectOrderDocument } from './business.gql';

export type BoardAction = Extract<UserAction, 'acceptOrder' | 'rejectOrder' | 'completeOrder'>;

export async function runBoardAction(
  client: Client,
  action: BoardAction,
  id: string,
  reason: string | null = null,
): Promise<Loaded<TicketFragment>> {
  switch (action) {
    case 'acceptOrder': {
      const r = await run(client, AcceptOrderDocument, { id });
      return r.data ? { data: r.data.acceptOrder, error: null } : r;
    }
    case 'rejectOrder': {
      const r = await run(client, RejectOrderDocument, { id, reason });
      return r.data ? { data: r.data.rejectOrder, error: null } : r;
    }
    case 'completeOrder': {
      const r = await run(client, CompleteOrderDocument, { id });
      return r.data ? { data: r.data.completeOrder, error: null } : r;
    }
  }
}

export function actionDoneMessage(action: BoardAction, order: TicketFragment): string {
  switch (action) {
    case 'acceptOrder':
      return `Accepted order #${shortId(order.id)}.`;
    case 'rejectOrder':
      return `Rejected order #${shortId(order.id)}; its stock is back on the menu.`;
    case 'completeOrder':
      return `Order #${shortId(order.id)} is ready.`;
  }
}
