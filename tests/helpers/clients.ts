// Real clients for tests: fetch for REST and GraphQL over HTTP, graphql-ws for subscriptions.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { checkContract } from './contract.js';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export async function gql<T = Record<string, any>>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GqlResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The data of a GraphQL call that must succeed. */
export async function gqlOk<T = Record<string, any>>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const result = await gql<T>(base, query, variables, token);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export interface RestResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function rest<T = any>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<RestResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: leave the text for the assertion to show
  }
  checkContract(method, path, response.status, parsed);
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function loginUser(base: string, name: string, password: string) {
  const r = await rest(base, 'POST', '/user_login', {
    body: { u_name: name, u_password: password },
  });
  if (r.status !== 200)
    throw new Error(`login ${name} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { token: string; u_id: string; u_name: string };
}

export async function loginBusiness(base: string, name: string, password: string) {
  const r = await rest(base, 'POST', '/business_login', {
    body: { e_name: name, e_password: password },
  });
  if (r.status !== 200)
    throw new Error(`login ${name} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { token: string; e_id: string; e_name: string };
}

export function wsClient(base: string, token?: string): Client {
  return createClient({
    url: base.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { error: () => undefined },
  });
}

/** A live subscription that records what it receives. */
export interface Recorder<T> {
  values: T[];
  errors: unknown[];
  done: boolean;
  /** Resolves when `predicate` holds for the values received so far. */
  until(predicate: (values: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

export function record<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  pick: (data: any) => T = (d) => Object.values(d as object)[0] as T,
): Recorder<T> {
  const values: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const recorder: Recorder<T> = {
    values,
    errors,
    done: false,
    until(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(values)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(values);
          } else if (errors.length || recorder.done) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(
              new Error(
                `subscription ended: ${JSON.stringify(errors)} after ${JSON.stringify(values)}`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; received ${JSON.stringify(values)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => unsubscribe(),
  };
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        else values.push(pick(result.data));
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => {
        recorder.done = true;
        notify();
      },
    },
  );
  return recorder;
}
