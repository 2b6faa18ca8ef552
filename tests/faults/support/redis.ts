// A redis-server of the test's own on a spare loopback port, to kill and bring back on that port.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { hasCommand } from '../../delivery/support/tools.js';
import { freePort } from './ports.js';

export const hasRedisServer = hasCommand('redis-server');

export interface OwnRedis {
  readonly url: string;
  start(): Promise<void>;
  /** SIGKILL: connections drop with no goodbye, as when its machine dies. */
  kill(): Promise<void>;
}

const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  const redis: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      living.add(child);
      child.once('exit', () => living.delete(child));
      server = child;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`redis-server did not start: ${output}`)),
          20_000,
        );
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited with ${code}: ${output}`));
        });
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    },
    async kill() {
      const child = server;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
  await redis.start();
  return redis;
}
