// New-order alerts for a business, wherever it is in the app: unseen orders, the chime and its
// remembered mute toggle, and the screen-reader announcement.
import { chimeStatus, playChime, unlockChime, type ChimeStatus } from '../lib/chime';
import { orderSummary, type SummaryLine } from '../lib/orders';
import { readFlag, writeFlag } from '../lib/prefs';
import { shortId } from '../lib/status';
import { toasts } from './toasts.svelte';

const MUTE_KEY = 'orderly.board.muted';

export interface ArrivedOrder {
  id: string;
  lines: readonly SummaryLine[];
  customer: { name: string };
}

class NewOrders {
  /** Orders that arrived and still wait for a decision, not yet acknowledged on the board. */
  unseen = $state<ReadonlySet<string>>(new Set());
  muted = $state(readFlag(MUTE_KEY, false));
  announcement = $state('');
  /** Whether the chime can be heard; 'blocked' until the browser has seen a tap. */
  sound = $state<ChimeStatus | 'unknown'>('unknown');

  arrived(order: ArrivedOrder, onBoard: boolean): void {
    if (this.unseen.has(order.id)) return;
    this.unseen = new Set([...this.unseen, order.id]);
    const what = `${orderSummary(order.lines)} for ${order.customer.name}`;
    this.announcement = `New order: ${what}.`;
    toasts.info(
      `New order #${shortId(order.id)}: ${what}.`,
      onBoard ? undefined : { label: 'Open the board', href: '#/board' },
      { group: 'new-orders', merged: (count) => `${count} new orders.` },
    );
    if (!this.muted && !playChime()) this.sound = chimeStatus();
  }

  /** Asks the browser for sound (from a tap); `sound` says whether it gave it. */
  async enableSound(): Promise<void> {
    this.sound = await unlockChime();
  }

  /** Learns, without asking, whether sound is already allowed. */
  checkSound(): void {
    if (this.sound === 'unknown') this.sound = chimeStatus();
  }

  /** Accepted, rejected or cancelled: no longer news. */
  decided(id: string): void {
    if (!this.unseen.has(id)) return;
    this.unseen = new Set([...this.unseen].filter((unseenId) => unseenId !== id));
  }

  acknowledge(): void {
    if (this.sound !== 'ready') void this.enableSound();
    if (this.unseen.size > 0) this.unseen = new Set();
  }

  toggleMute(): void {
    this.muted = !this.muted;
    writeFlag(MUTE_KEY, this.muted);
    if (!this.muted) {
      void this.enableSound().then(() => playChime());
    }
  }

  reset(): void {
    this.unseen = new Set();
    this.announcement = '';
  }
}

export const newOrders = new NewOrders();
