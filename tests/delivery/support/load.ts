// Continuous HTTP load through nginx while a deploy runs: bounded in count and time, loopback only.
import { request } from 'node:http';

export interface LoadFailure {
  at: string;
  path: string;
  status: number | undefined;
  error: string | undefined;
}

export interface LoadReport {
  sent: number;
  failed: number;
  failures: LoadFailure[];
  /** Responses per X-Orderly-Colour header value, i.e. per colour that answered. */
  colours: Record<string, number>;
  /** The colours in the order they answered, with consecutive repeats collapsed. */
  colourSequence: string[];
  seconds: number;
}

interface Probe {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const probes: Probe[] = [
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
  { method: 'GET', path: '/' },
  {
    method: 'POST',
    path: '/graphql',
    body: JSON.stringify({ query: '{ businesses { id name } }' }),
  },
];

function send(port: number, probe: Probe): Promise<{ status: number; colour: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request (agent: false): a reused keep-alive socket that nginx closes
    // on reload is a client-side race that browsers retry on their own; it says nothing about the deploy.
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: probe.path,
        method: probe.method,
        agent: false,
        timeout: 10_000,
        headers: probe.body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(probe.body) }
          : {},
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            colour: String(res.headers['x-orderly-colour'] ?? 'none'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
    req.on('error', reject);
    req.end(probe.body);
  });
}

export function startLoad(
  port: number,
  options: { workers?: number; maxRequests?: number; maxSeconds?: number; pauseMs?: number } = {},
) {
  const { workers = 4, maxRequests = 100_000, maxSeconds = 240, pauseMs = 5 } = options;
  const report: LoadReport = {
    sent: 0,
    failed: 0,
    failures: [],
    colours: {},
    colourSequence: [],
    seconds: 0,
  };
  const started = Date.now();
  let stopping = false;

  const worker = async (offset: number) => {
    for (
      let i = offset;
      !stopping && report.sent < maxRequests && Date.now() - started < maxSeconds * 1000;
      i += 1
    ) {
      const probe = probes[i % probes.length] as Probe;
      report.sent += 1;
      try {
        const { status, colour } = await send(port, probe);
        report.colours[colour] = (report.colours[colour] ?? 0) + 1;
        if (report.colourSequence.at(-1) !== colour) report.colourSequence.push(colour);
        if (status !== 200) {
          report.failed += 1;
          report.failures.push({
            at: new Date().toISOString(),
            path: probe.path,
            status,
            error: undefined,
          });
        }
      } catch (error) {
        report.failed += 1;
        report.failures.push({
          at: new Date().toISOString(),
          path: probe.path,
          status: undefined,
          error: String(error),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const running = Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));

  return {
    report,
    async stop(): Promise<LoadReport> {
      stopping = true;
      await running;
      report.seconds = (Date.now() - started) / 1000;
      return report;
    },
  };
}
