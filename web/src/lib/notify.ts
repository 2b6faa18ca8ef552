// Browser notifications for a customer whose order is ready while they look at another tab: offered
// once (the answer is remembered), shown only when allowed and the tab is hidden.
import { readText, writeText } from './prefs';

export const NOTIFY_PREF_KEY = 'orderly.notifyWhenReady';

export type NotifyAnswer = 'yes' | 'no';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function notifyAnswer(): NotifyAnswer | null {
  const value = readText(NOTIFY_PREF_KEY);
  return value === 'yes' || value === 'no' ? value : null;
}

/** Whether to offer notifications now: supported, never answered, and not blocked already. */
export function shouldOfferNotifications(): boolean {
  return (
    notificationsSupported() && notifyAnswer() === null && Notification.permission !== 'denied'
  );
}

/** Asks the browser (call from a click: browsers want a gesture); remembers the outcome. */
export async function askForNotifications(): Promise<boolean> {
  if (!notificationsSupported()) return false;
  let permission = Notification.permission;
  if (permission === 'default') {
    try {
      permission = await Notification.requestPermission();
    } catch {
      permission = 'denied';
    }
  }
  const granted = permission === 'granted';
  writeText(NOTIFY_PREF_KEY, granted ? 'yes' : 'no');
  return granted;
}

export function declineNotifications(): void {
  writeText(NOTIFY_PREF_KEY, 'no');
}

export function notificationsOn(): boolean {
  return (
    notificationsSupported() && notifyAnswer() === 'yes' && Notification.permission === 'granted'
  );
}

export interface ReadyNotice {
  orderId: string;
  title: string;
  body: string;
  onclick: () => void;
}

/** Shows one notification per order (the tag makes a repeat replace, never stack); false if not shown. */
export function showReadyNotification(notice: ReadyNotice): boolean {
  if (!notificationsOn()) return false;
  try {
    const notification = new Notification(notice.title, {
      body: notice.body,
      tag: `order-ready-${notice.orderId}`,
      icon: '/favicon.svg',
    });
    notification.onclick = () => {
      window.focus();
      notice.onclick();
      notification.close();
    };
    return true;
  } catch {
    // Some browsers (Android Chrome) only show notifications from a service worker.
    return false;
  }
}
