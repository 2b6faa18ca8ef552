// The bench's output: one table (markdown for people, JSON for tools) with every baseline.
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import type { Baseline, Row } from '../scenarios/types.js';

export interface Report {
  date: string;
  quick: boolean;
  machine: {
    cpus: number;
    model: string;
    memoryGiB: number;
    os: string;
    loadAverage: number[];
    pinned: boolean;
  };
  node: string;
  durationSeconds: number;
  settings: Record<string, unknown>;
  rows: Row[];
  baselines: Baseline[];
}

export function machine(pinned: boolean): Report['machine'] {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    pinned,
  };
}

const RATE_UNITS = new Set(['req/s', 'orders/s', 'deliveries/s']);

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (RATE_UNITS.has(unit)) return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  if (unit === 'bytes') {
    return value >= 2 ** 20
      ? `${(value / 2 ** 20).toFixed(1)} MiB`
      : `${(value / 1024).toFixed(1)} KiB`;
  }
  if (unit === 'oversold or lost') return value === 0 ? 'none oversold or lost' : 'BROKEN';
  return `${value} ${unit}`;
}

function formatRatio(row: Row): string {
  if (row.ratio === undefined || !Number.isFinite(row.ratio)) return '—';
  return row.target?.atMost !== undefined
    ? `${row.ratio.toFixed(2)}×`
    : `${(row.ratio * 100).toFixed(0)}%`;
}

function formatTarget(row: Row): string {
  if (!row.target) return '';
  if (row.unit === 'oversold or lost') return 'none';
  const { atLeast, atMost } = row.target;
  if (atLeast !== undefined) return `≥ ${(atLeast * 100).toFixed(0)}%`;
  return `≤ ${atMost}×`;
}

export function markdown(report: Report): string {
  const m = report.machine;
  const lines = [
    `Measured ${report.date} on ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, ${m.os}, Node ${report.node}` +
      `${m.pinned ? ', server and load generator pinned to separate cores' : ''}; load average ` +
      `${m.loadAverage.join(' / ')} at the end. ${report.quick ? 'Quick smoke run: numbers are not judged. ' : ''}` +
      `Median of ${report.settings.runs} runs after warm-up; total ${Math.round(report.durationSeconds)} s.`,
    '',
    '| Scenario | Result | Baseline | Ratio | Target | Met |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of report.rows) {
    if (row.skipped) {
      lines.push(`| ${row.scenario} | skipped: ${row.skipped} | | | ${formatTarget(row)} | |`);
      continue;
    }
    const baseline =
      row.baseline && row.baselineValue !== undefined
        ? `${row.baseline}: ${formatValue(row.baselineValue, row.unit === 'bytes' && row.baseline === 'heap at start' ? 'bytes' : row.unit)}`
        : '';
    const met = row.met === undefined ? '' : row.met ? 'yes' : '**no**';
    lines.push(
      `| ${row.scenario} | ${formatValue(row.value, row.unit)}${p99(row)} | ${baseline} | ${formatRatio(row)} | ${formatTarget(row)} | ${met} |`,
    );
  }
  lines.push('', '| Baseline | What | Figure |', '| --- | --- | --- |');
  for (const b of report.baselines) {
    const extra =
      b.extra?.p99Ms !== undefined ? `, p99 ${Number(b.extra.p99Ms).toFixed(1)} ms` : '';
    lines.push(`| ${b.id} | ${b.what} | ${formatValue(b.value, b.unit)}${extra} |`);
  }
  return lines.join('\n') + '\n';
}

function p99(row: Row): string {
  const value = row.extra?.p99Ms;
  return typeof value === 'number' && row.unit !== 'ms' ? ` (p99 ${value.toFixed(1)} ms)` : '';
}

/** Replaces the README's "## Benchmarks" section (or appends one). */
export function withBenchmarkSection(readme: string, section: string): string {
  const start = readme.search(/^## Benchmarks$/m);
  if (start < 0) return readme.trimEnd() + '\n\n' + section;
  const rest = readme.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next < 0 ? readme.length : start + 1 + next;
  return readme.slice(0, start) + section + (next < 0 ? '' : '\n' + readme.slice(end));
}
