// How one webhook delivery reads on the settings screen.
import { formatClock } from '../../lib/time';

export interface DeliveryLike {
  status: number | null;
  attempts: number;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export type DeliveryTone = 'ok' | 'retrying' | 'waiting' | 'failed';

export interface DeliveryLook {
  tone: DeliveryTone;
  label: string;
  detail: string;
}

export function deliveryLook(d: DeliveryLike, locale?: string): DeliveryLook {
  const answer = d.status === null ? 'no answer' : `HTTP ${d.status}`;
  const tries = d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`;
  if (d.deliveredAt !== null) {
    return {
      tone: 'ok',
      label: 'Delivered',
      detail: `${answer} at ${formatClock(d.deliveredAt, locale)} · ${tries}`,
    };
  }
  if (d.nextAttemptAt === null) {
    return { tone: 'failed', label: 'Given up', detail: `${answer} · ${tries}` };
  }
  if (d.attempts === 0) {
    return {
      tone: 'waiting',
      label: 'Waiting',
      detail: `first attempt at ${formatClock(d.nextAttemptAt, locale)}`,
    };
  }
  return {
    tone: 'retrying',
    label: 'Retrying',
    detail: `${answer} · ${tries} · next at ${formatClock(d.nextAttemptAt, locale)}`,
  };
}
