import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  askForNotifications,
  declineNotifications,
  notificationsOn,
  shouldOfferNotifications,
  showReadyNotification,
} from './notify';

const shown: { title: string; options: NotificationOptions | undefined }[] = [];
let permission: NotificationPermission = 'default';
let answer: NotificationPermission = 'granted';

class FakeNotification {
  static get permission() {
    return permission;
  }
  static requestPermission = vi.fn(async () => {
    permission = answer;
    return answer;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, options });
  }
  close() {}
}

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
    removeItem: (key: string) => store.delete(key),
  });
  vi.stubGlobal('window', { Notification: FakeNotification, focus: () => {} });
  vi.stubGlobal('Notification', FakeNotification);
  shown.length = 0;
  permission = 'default';
  answer = 'granted';
  FakeNotification.requestPermission.mockClear();
});

afterEach(() => vi.unstubAllGlobals());

const notice = { orderId: '7', title: 'Ready', body: '2 × Margherita', onclick: () => {} };

describe('notifications when an order is ready', () => {
  it('offers once: after a yes it asks the browser and shows one notification per order', async () => {
    expect(shouldOfferNotifications()).toBe(true);
    expect(await askForNotifications()).toBe(true);
    expect(shouldOfferNotifications()).toBe(false);
    expect(notificationsOn()).toBe(true);
    expect(showReadyNotification(notice)).toBe(true);
    expect(shown).toEqual([
      { title: 'Ready', options: expect.objectContaining({ tag: 'order-ready-7' }) },
    ]);
  });

  it('remembers a no and shows nothing', () => {
    declineNotifications();
    expect(shouldOfferNotifications()).toBe(false);
    expect(showReadyNotification(notice)).toBe(false);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    expect(shown).toEqual([]);
  });

  it('does not offer what the browser has blocked, and remembers a refusal', async () => {
    permission = 'denied';
    expect(shouldOfferNotifications()).toBe(false);
    permission = 'default';
    answer = 'denied';
    expect(await askForNotifications()).toBe(false);
    expect(notificationsOn()).toBe(false);
    expect(shouldOfferNotifications()).toBe(false);
  });
});
