// Starts the real app on port 0 for a suite.
import { buildApp, type App, type BuildOptions } from '../../api/app.js';

export interface TestServer {
  app: App;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(options: BuildOptions = {}): Promise<TestServer> {
  const app = await buildApp({
    databaseUrl: 'memory://',
    logLevel: 'silent',
    seed: true,
    kitchenPrepMs: 60_000,
    loginMaxFailures: 1000,
    // Suites sign up many customers from 127.0.0.1; the sign-up throttle has its own tests.
    signupMaxPerAddress: 100_000,
    // Suites place many orders as one customer; the hoarding cap has its own tests.
    maxOpenOrders: 100_000,
    ...options,
  });
  const { url } = await app.start(0, '127.0.0.1');
  return { app, url, stop: () => app.stop() };
}

/** The demo menu: business and item ids by name. */
export async function demoIds(url: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ businesses { id name menu { id name inStore price } } }' }),
  });
  const { data } = (await response.json()) as {
    data: {
      businesses: {
        id: string;
        name: string;
        menu: { id: string; name: string; inStore: number; price: number }[];
      }[];
    };
  };
  const byName = Object.fromEntries(data.businesses.map((b) => [b.name, b]));
  return byName as Record<string, (typeof data.businesses)[number]>;
}

/** Counts the statements a suite's server runs outside transactions, from now on. */
export function countQueries(app: App): { readonly count: number } {
  const db = app.db;
  const query = db.query.bind(db);
  const counter = { count: 0 };
  db.query = ((...args: Parameters<typeof db.query>) => {
    counter.count += 1;
    return query(...args);
  }) as typeof db.query;
  return counter;
}
