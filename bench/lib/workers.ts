// Bench processes: each server runs in its own Node process, pinned to the server core with taskset
// where it exists, and answers the orchestrator's requests over the IPC channel. A pool starts each
// kind of server once per run (in parallel) and stops them all at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The core servers run on; the orchestrator (the load generator) pins itself to the other one. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

/** One signing key per bench run, shared by its servers. */
const JWT_SECRET = randomBytes(32).toString('base64url');

let tasksetChecked: boolean | undefined;
export function hasTaskset(): boolean {
  tasksetChecked ??=
    spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
  return tasksetChecked;
}

export interface WorkerOptions {
  /** Script path relative to the repository root. */
  script: string;
  env?: Record<string, string | undefined>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  core?: number;
  timeoutMs?: number;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export class BenchWorker<Ready = Record<string, unknown>> {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  ready!: Ready;
  stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly name: string,
  ) {}

  /** Seconds from spawn to ready. */
  startSeconds = NaN;

  static async start<R>(name: string, options: WorkerOptions): Promise<BenchWorker<R>> {
    const spawned = performance.now();
    // Started on any core (start-up is the slow part), pinned to the server core once ready.
    const proc = spawn(
      process.execPath,
      [
        ...(options.nodeArgs ?? []),
        '--expose-gc',
        '--import',
        'tsx',
        path.join(ROOT, options.script),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          JWT_SECRET,
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info',
          ...options.env,
        },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    const worker = new BenchWorker<R>(proc, name);
    proc.stderr!.on('data', (d: Buffer) => {
      worker.stderr = (worker.stderr + d.toString()).slice(-20_000);
    });
    proc.on('message', (message: { ready?: R } & Partial<Reply>) => {
      if (message.ready !== undefined) return;
      const waiter = worker.pending.get(message.id!);
      if (!waiter) return;
      worker.pending.delete(message.id!);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`${name}: ${message.error}`));
    });
    proc.once('exit', (code, signal) => {
      for (const waiter of worker.pending.values()) {
        waiter.reject(new Error(`${name} exited (${code ?? signal}): ${worker.stderr}`));
      }
      worker.pending.clear();
    });
    const timeoutMs = options.timeoutMs ?? 120_000;
    worker.ready = await new Promise<R>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start in ${timeoutMs} ms: ${worker.stderr}`)),
        timeoutMs,
      );
      proc.on('message', (message: { ready?: R }) => {
        if (message.ready === undefined) return;
        clearTimeout(timer);
        resolve(message.ready);
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code} before it was ready: ${worker.stderr}`));
      });
    });
    worker.startSeconds = (performance.now() - spawned) / 1000;
    if (hasTaskset()) {
      spawnSync(
        'taskset',
        ['-a', '-p', '-c', String(options.core ?? SERVER_CORE), String(proc.pid)],
        {
          stdio: 'ignore',
        },
      );
    }
    return worker;
  }

  call<T = unknown>(type: string, payload: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ id, type, payload });
    });
  }

  /** Stops the process (SIGINT, so --cpu-prof writes its profile) and waits for it. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = once(this.proc, 'exit');
    this.proc.kill('SIGINT');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Servers of a run: shared ones started once (and in parallel up front), fresh ones on demand. */
export class WorkerPool {
  private readonly shared = new Map<string, Promise<BenchWorker<never>>>();
  private readonly started: Promise<BenchWorker<never>>[] = [];
  onStarted: ((worker: BenchWorker<unknown>) => void) | undefined;

  private track(worker: Promise<BenchWorker<never>>) {
    worker.then((w) => this.onStarted?.(w)).catch(() => undefined);
    this.started.push(worker);
  }

  get<R>(key: string, options: WorkerOptions): Promise<BenchWorker<R>> {
    let worker = this.shared.get(key);
    if (!worker) {
      worker = BenchWorker.start<never>(key, options);
      this.shared.set(key, worker);
      this.track(worker);
    }
    return worker as Promise<BenchWorker<R>>;
  }

  /** A worker of its own, for measurements a shared one would blur (memory). */
  fresh<R>(name: string, options: WorkerOptions): Promise<BenchWorker<R>> {
    const worker = BenchWorker.start<never>(name, options);
    this.track(worker);
    return worker as Promise<BenchWorker<R>>;
  }

  async stopAll(): Promise<void> {
    const settled = await Promise.allSettled(this.started);
    await Promise.all(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop()] : [])));
  }
}
