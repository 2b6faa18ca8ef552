// A real HTTP receiver for webhook tests, on loopback: it checks each delivery's signature, can fail
// the first attempts, hold answers, go away and come back on the same port.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Delivery {
  eventId: string;
  signatureValid: boolean;
  body: {
    cursor: string;
    type: string;
    at: string;
    order: { o_id: string; o_state: string; e_id: string } & Record<string, unknown>;
  };
  /** The status the receiver answered. */
  answered: number;
}

export interface Receiver {
  url: string;
  /** Every request received, in arrival order, whatever was answered. */
  received: Delivery[];
  /** Those answered 2xx. */
  accepted(): Delivery[];
  secret: string;
  /** Answer the next n requests with this status. */
  failNext(n: number, status?: number): void;
  /** Hold every request without answering until `release()`. */
  hold(): void;
  release(): void;
  /** Resolves once a request is being held. */
  untilHeld(timeoutMs?: number): Promise<void>;
  /** Close the port (connections are dropped) and open it again later with `comeBack()`. */
  goAway(): Promise<void>;
  comeBack(): Promise<void>;
  until(predicate: (accepted: Delivery[]) => boolean, timeoutMs?: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

/** Stripe's scheme: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">. */
export function verifySignature(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startReceiver(): Promise<Receiver> {
  const received: Delivery[] = [];
  const waiters = new Set<() => void>();
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  let failures = 0;
  let failStatus = 500;
  let holding = false;
  let port = 0;
  let server: Server;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const answer = () => {
        // The sender went away (killed) before the answer: it never learnt of this request.
        if (res.destroyed || req.socket.destroyed) return;
        const status = failures > 0 ? failStatus : 200;
        if (failures > 0) failures--;
        received.push({
          eventId: String(req.headers['orderly-event-id']),
          signatureValid: verifySignature(
            receiver.secret,
            String(req.headers['orderly-signature'] ?? ''),
            raw,
          ),
          body: JSON.parse(raw) as Delivery['body'],
          answered: status,
        });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
        waiters.forEach((w) => w());
      };
      if (holding) {
        held.push(answer);
        waiters.forEach((w) => w());
      } else answer();
    });
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handle);
      server.on('connection', (s) => {
        sockets.add(s);
        s.once('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks/orderly`,
    received,
    accepted: () => received.filter((d) => d.answered >= 200 && d.answered < 300),
    secret: '',
    failNext(n, status = 500) {
      failures = n;
      failStatus = status;
    },
    hold: () => void (holding = true),
    release() {
      holding = false;
      held.splice(0).forEach((answer) => answer());
    },
    untilHeld(timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (held.length === 0) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('no request arrived to hold'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async goAway() {
      held.length = 0;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      sockets.forEach((s) => s.destroy());
      await closed;
    },
    comeBack: listen,
    until(predicate, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(receiver.accepted())) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(receiver.accepted());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out; received ${JSON.stringify(received.map((d) => [d.body.order.o_id, d.body.type, d.answered]))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/** Per order, the event types in the order they were first accepted; duplicates are at-least-once. */
export function typesPerOrder(deliveries: Delivery[]): Map<string, string[]> {
  const seen = new Set<string>();
  const byOrder = new Map<string, string[]>();
  for (const d of deliveries) {
    if (seen.has(d.eventId)) continue;
    seen.add(d.eventId);
    const list = byOrder.get(d.body.order.o_id) ?? [];
    list.push(d.body.type);
    byOrder.set(d.body.order.o_id, list);
  }
  return byOrder;
}
