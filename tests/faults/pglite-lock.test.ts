// PGlite in DATA_DIR is held by one process: a second API process or a stand-alone kitchen on the
// same directory is refused with a clear message, and the lock of a killed holder is taken over.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir, LOCK_FILE } from '../../api/store/datadir-lock.js';
import { DataDirLockedError } from '../../api/store/db-errors.js';
import { loginUser } from '../helpers/clients.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'orderly-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the DATA_DIR lock', () => {
  it('refuses a second holder in the same process and frees the directory on release', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('refuses a directory held by a running process, naming it', async () => {
    const dir = tempDir();
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const file = path.join(dir, LOCK_FILE);
      writeFileSync(
        file,
        JSON.stringify({ pid: holder.pid, hostname: 'elsewhere', startedAt: '' }),
      );
      expect(() => lockDataDir(dir)).toThrow(
        `DATA_DIR ${dir} is in use by process ${holder.pid} on elsewhere; stop it or use another DATA_DIR`,
      );
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(holder.pid);
    } finally {
      const exited = once(holder, 'exit');
      holder.kill('SIGKILL');
      await exited;
    }
  });

  it('takes over the lock of a process that is gone, or of a pid that now belongs to another process', () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE);
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 1, hostname: 'here', startedAt: '' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    // Our parent runs, but it started long before the process that wrote this lock.
    writeFileSync(
      file,
      JSON.stringify({ pid: process.ppid, hostname: 'here', startedAt: '', processStart: '1' }),
    );
    lockDataDir(dir).release();
  });
});

describe('processes on one PGlite DATA_DIR', () => {
  const dataDir = tempDir();
  const children: Child[] = [];
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    JWT_SECRET: 'lock-test-secret-0123456789-abcdefghijklmn',
  };
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGKILL')));
  });

  it(
    'refuses a second API process and a stand-alone kitchen while one holds it, and recovers the lock of a killed holder',
    { timeout: 150_000 },
    async () => {
      const first = await spawnOrderly('api', env, 120_000);
      children.push(first);
      const pid = first.proc.pid!;

      await expect(spawnOrderly('api', env)).rejects.toThrow(
        `exited with 2: orderly: DATA_DIR ${dataDir} is in use by process ${pid}; stop it or use another DATA_DIR`,
      );
      await expect(spawnOrderly('kitchen', env)).rejects.toThrow(
        `exited with 2: orderly kitchen: DATA_DIR ${dataDir} is in use by process ${pid}. PGlite serves one process: run the kitchen inline`,
      );
      // The refused processes left the holder's lock and its data alone.
      await loginUser(first.url!, 'alice', 'alice-pass');

      await first.kill('SIGKILL');
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(pid);
      const next = await spawnOrderly('api', env, 120_000);
      children.push(next);
      await loginUser(next.url!, 'alice', 'alice-pass');
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(
        next.proc.pid,
      );

      await next.kill('SIGTERM');
      expect(next.proc.exitCode).toBe(0);
      expect(existsSync(path.join(dataDir, LOCK_FILE)), 'released on a clean stop').toBe(false);
    },
  );
});
