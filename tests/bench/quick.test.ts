// The benchmark's smoke run: `npm run bench -- --quick` finishes and writes a complete table, with
// every row and baseline present and every figure a number. It judges no figure (the machine that
// runs CI is not the one the targets are for), but a broken stock ledger is a bug, not a figure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../bench/lib/report.js';
import { TEST_DATABASE_URL } from '../helpers/stores.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function npmRunBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, TEST_DATABASE_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run bench -- --quick', () => {
  it('writes a complete table of finite figures', { timeout: 240_000 }, async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'orderly-bench-'));
    const started = Date.now();
    const { code, output } = await npmRunBench(['--quick', `--out=${out}`]);
    expect(code, output).toBe(0);
    console.info(`bench --quick took ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const report = JSON.parse(readFileSync(path.join(out, 'quick.json'), 'utf8')) as Report;
    expect(report).toMatchObject({ quick: true, node: process.version });
    expect(report.machine.cpus).toBeGreaterThan(0);
    const ids = report.rows.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'graphql-orders',
        'graphql-orders-yoga',
        'rest-get-orders',
        'graphql-orders-raw-pglite',
        'rest-get-orders-raw-pglite',
        'graphql-menu-pglite',
        'graphql-menu-raw-pglite',
        'graphql-orders-raw-postgres',
        'rest-get-orders-raw-postgres',
        'graphql-menu-postgres',
        'graphql-menu-raw-postgres',
        'place-order-pglite',
        'place-order-pglite-ledger',
        'place-order-postgres',
        'place-order-postgres-ledger',
        'place-basket-pglite',
        'place-basket-postgres',
        'churn-heap',
        'memory-per-subscription',
        'growth-board-pglite',
        'growth-rest-pglite',
        'growth-board-postgres',
        'growth-rest-postgres',
        'amplification-answer',
        'amplification-healthz',
      ]),
    );
    expect(ids.filter((id) => /^fanout-\d+-rate$/.test(id))).toHaveLength(3);
    expect(ids.filter((id) => /^fanout-\d+-p99$/.test(id))).toHaveLength(3);

    for (const row of report.rows) {
      if (row.skipped) {
        // Only PostgreSQL rows may be missing, and only where there is no PostgreSQL.
        expect(row.id).toMatch(/postgres/);
        expect(TEST_DATABASE_URL).toBeUndefined();
        continue;
      }
      expect(Number.isFinite(row.value), row.id).toBe(true);
      if (row.baseline) {
        expect(Number.isFinite(row.baselineValue), row.id).toBe(true);
        expect(Number.isFinite(row.ratio), row.id).toBe(true);
      }
      if (row.id.endsWith('-ledger')) expect(row.met, `${row.id}: oversold or lost`).toBe(true);
    }
    const baselines = report.baselines.map((b) => b.id);
    expect(baselines).toEqual(
      expect.arrayContaining([
        'B0',
        'B1',
        'B2',
        'B0-menu',
        'B-raw-orders-pglite',
        'B-raw-menu-pglite',
        'B3-pglite',
        'B4-memory',
      ]),
    );
    if (TEST_DATABASE_URL) {
      expect(baselines).toEqual(
        expect.arrayContaining(['B3-postgres', 'B-raw-orders-postgres', 'B-raw-menu-postgres']),
      );
    }
    expect(baselines.filter((id) => /^B4-\d+$/.test(id))).toHaveLength(3);
    for (const b of report.baselines) expect(Number.isFinite(b.value), b.id).toBe(true);

    const table = readFileSync(path.join(out, 'quick.md'), 'utf8');
    for (const row of report.rows) expect(table).toContain(row.scenario);
  });
});
