// HTTP load with autocannon, from the orchestrator process (pinned to the load core).
import autocannon, { type Request, type Result } from 'autocannon';

export interface HttpTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Cycled per connection instead of one fixed request. */
  requests?: Request[];
}

export interface HttpFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export async function hammer(
  target: HttpTarget,
  options: { seconds?: number; amount?: number; connections: number },
): Promise<HttpFigures> {
  const result: Result = await autocannon({
    url: target.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 1 }),
    pipelining: 1,
    timeout: 30,
    ...(target.method ? { method: target.method } : {}),
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body !== undefined ? { body: target.body } : {}),
    ...(target.requests ? { requests: target.requests } : {}),
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  return {
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}
