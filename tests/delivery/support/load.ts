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
  /** Every answer: its colour, and when its request was sent and its response ended (ms since start). */
  answers: { colour: string; sentAt: number; endedAt: number }[];
  seconds: number;
}

/**
 * How traffic moved between colours: `from` answered first, `to` answered last, and no request sent
 * more than `graceMs` after `to` first answered was served by `from`. The grace is nginx's own
 * reload: its old workers finish what they accepted while the new ones already accept, so for a few
 * milliseconds both colours answer; the deploy is at fault only if the old colour keeps answering.
 */
export function colourSwitch(report: LoadReport, from: string, to: string, graceMs = 1000) {
  const { answers } = report;
  const firstNew = Math.min(
    ...answers.filter((answer) => answer.colour === to).map((answer) => answer.endedAt),
  );
  const byStart = [...answers].sort((a, b) => a.sentAt - b.sentAt);
  return {
    first: byStart[0]?.colour,
    last: byStart.at(-1)?.colour,
    colours: [...new Set(answers.map((answer) => answer.colour))].sort(),
    lateOld: answers.filter(
      (answer) => answer.colour === from && answer.sentAt > firstNew + graceMs,
    ).length,
  };
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
    answers: [],
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
      const sentAt = Date.now() - started;
      try {
        const { status, colour } = await send(port, probe);
        report.answers.push({ colour, sentAt, endedAt: Date.now() - started });
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
