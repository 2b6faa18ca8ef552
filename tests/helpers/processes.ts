// Real child processes of Orderly (API or kitchen), for multi-process and crash tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

// Children must not outlive the test file, even when a test fails before its clean-up.
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

export interface Child {
  proc: ChildProcess;
  /** Parsed JSON log lines so far. */
  logs: Record<string, unknown>[];
  /** For an API process, its URL once it listens. */
  url: string | undefined;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `api/main.ts` or `kitchen/main.ts` under tsx and waits until it says it is ready. */
export async function spawnOrderly(
  entry: 'api' | 'kitchen',
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', `${entry}/main.ts`], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      // Suites place many orders as one customer; the hoarding cap has its own tests.
      MAX_OPEN_ORDERS: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  living.add(proc);
  proc.once('exit', () => living.delete(proc));
  const child: Child = {
    proc,
    logs: [],
    url: undefined,
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = once(proc, 'exit');
      proc.kill(signal);
      await exited;
    },
  };
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let buffer = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} did not start in time: ${stderr}`)),
      timeoutMs,
    );
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${stderr}`));
    });
    proc.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const entryLog = JSON.parse(line) as Record<string, unknown>;
          child.logs.push(entryLog);
          if (entryLog.msg === 'Orderly is listening' || entryLog.msg === 'kitchen is cooking') {
            if (typeof entryLog.url === 'string') child.url = entryLog.url;
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // not a log line
        }
      }
    });
  });
  await ready;
  return child;
}
