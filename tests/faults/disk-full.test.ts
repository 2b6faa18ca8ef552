// A DATA_DIR on a disk with no room: start-up is refused with the reason and the path (not a WASM
// errno), and a disk that fills while PGlite runs answers 503 UNAVAILABLE until there is room again.
// The disks are tmpfs mounts of the test's own (mounting needs root; skipped by name without it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { spawnOrderly, type Child } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait.js';

const mounts: string[] = [];
/** A fresh tmpfs of `size`, or undefined when this machine does not let the test mount one. */
function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'orderly-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], {
    stdio: 'ignore',
  });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) {
    spawnSync('umount', ['-l', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
});

const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  JWT_SECRET: 'disk-full-secret-0123456789-abcdefghijklm',
  LOGIN_MAX_FAILURES: '1000',
});

const tiny = tmpfs('2m');
describe.skipIf(!tiny)('a DATA_DIR on a full disk (a 2 MB tmpfs)', () => {
  it('refuses to start, naming the path and the reason, with a non-zero exit', async () => {
    const dataDir = path.join(tiny!, 'data');
    await expect(spawnOrderly('api', env(dataDir))).rejects.toThrow(
      `exited with 2: orderly: cannot write to DATA_DIR ${dataDir}: the disk is full`,
    );
  });
});

// PGlite's fresh data directory takes about 40 MB; this leaves room to start, then fills it.
const roomy = tmpfs('80m');
describe.skipIf(!roomy)('a PGlite DATA_DIR whose disk fills while it runs (an 80 MB tmpfs)', () => {
  let api: Child | undefined;
  afterAll(async () => {
    await api?.kill('SIGKILL');
  });

  it(
    'answers 503 UNAVAILABLE with Retry-After while the disk is full, names the path in its log, and takes orders again once there is room',
    { timeout: 150_000 },
    async () => {
      const dataDir = path.join(roomy!, 'data');
      api = await spawnOrderly('api', env(dataDir), 120_000);
      const pizza = await loginBusiness(api.url!, 'Pizza Palace', 'pizza-pass');
      const alice = await loginUser(api.url!, 'alice', 'alice-pass');
      const item = await rest(api.url!, 'POST', '/set-menu-and-instore', {
        token: pizza.token,
        body: { items: [{ m_name: 'Full pie', m_img_url: '', m_price: 2, m_instore: 5_000 }] },
      });
      const order = () =>
        rest(api!.url!, 'POST', '/order', {
          token: alice.token,
          body: { m_id: item.body.items[0].m_id, quantity: 1 },
        });

      const filler = path.join(roomy!, 'filler');
      spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { stdio: 'ignore' });
      // The pages already there still take a few rows; the first that needs a new one is refused.
      let refused: Awaited<ReturnType<typeof order>> | undefined;
      for (let i = 0; i < 2_000 && !refused; i++) {
        const placed = await order();
        if (placed.status !== 201) refused = placed;
      }
      expect(refused?.status).toBe(503);
      expect(refused?.body.error.code).toBe('UNAVAILABLE');
      expect(refused?.headers.get('retry-after')).toBe('60');
      expect(api.proc.exitCode).toBeNull();
      // The outage's log line may trail the answer a little, like the recovery's below.
      await waitFor(async () => api!.logs.some((l) => l.msg === 'database unavailable'), 5_000);
      const outage = api.logs.find((l) => l.msg === 'database unavailable');
      expect((outage?.err as { message?: string } | undefined)?.message).toBe(
        `cannot write to DATA_DIR ${dataDir}: the disk is full`,
      );

      rmSync(filler);
      await waitFor(async () => (await order()).status === 201, 20_000, 200);
      // The recovery is logged as the first write succeeds; the line may trail the answer a little.
      await waitFor(async () => api!.logs.some((l) => l.msg === 'database available again'), 5_000);
    },
  );
});
