// The child half of a bench worker: announces readiness and answers requests over IPC.
export type Handlers = Record<string, (payload: never) => unknown>;

export function serveWorker(
  ready: unknown,
  handlers: Handlers,
  onExit?: () => Promise<void>,
): void {
  if (!process.send) throw new Error('a bench worker must be started with an IPC channel');
  process.on('message', (message: { id: number; type: string; payload: unknown }) => {
    const handler = handlers[message.type];
    void (async () => {
      try {
        if (!handler) throw new Error(`no handler for ${message.type}`);
        const value = await handler(message.payload as never);
        process.send!({ id: message.id, ok: true, value });
      } catch (error) {
        process.send!({
          id: message.id,
          ok: false,
          error: String((error as Error).stack ?? error),
        });
      }
    })();
  });
  let exiting = false;
  const exit = () => {
    if (exiting) return;
    exiting = true;
    void (onExit?.() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  process.on('SIGINT', exit);
  process.on('SIGTERM', exit);
  process.on('disconnect', exit);
  process.send({ ready });
}

/** Memory after two full collections (the worker runs with --expose-gc). */
export function settledMemory(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage();
}

/** A microsecond timestamp comparable across processes of this machine (CLOCK_MONOTONIC). */
export function monotonicMicros(): number {
  const [s, ns] = process.hrtime();
  return s * 1e6 + ns / 1e3;
}
