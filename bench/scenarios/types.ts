// What scenarios produce: rows of the table (a figure, its baseline, the ratio and the target) and
// the baselines themselves, all measured in the same run.
import type { WorkerPool } from '../lib/workers.js';

export interface BenchConfig {
  quick: boolean;
  runs: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  fanoutSizes: number[];
  fanoutEvents: number;
  memorySubscribers: number;
  churn: { pairsPerSecond: number; seconds: number; connections: number };
  postgresUrl: string | undefined;
  /** Orderly workers run with --cpu-prof, profiles in this folder. */
  profileDir: string | undefined;
  log: (line: string) => void;
  pool: WorkerPool;
  /** PostgreSQL schemas the run created, dropped at its end. */
  schemas: string[];
}

export interface Baseline {
  id: string;
  what: string;
  value: number;
  unit: string;
  runs: number[];
  extra?: Record<string, number | string>;
}

export interface Target {
  /** ratio ≥ value, or (for "at most") ratio ≤ value */
  atLeast?: number;
  atMost?: number;
}

export interface Row {
  id: string;
  scenario: string;
  value: number;
  unit: string;
  runs: number[];
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  target?: Target;
  met?: boolean;
  /** Why the row has no figure in this run (e.g. no PostgreSQL). */
  skipped?: string;
  extra?: Record<string, number | string | boolean>;
}

export interface ScenarioResult {
  rows: Row[];
  baselines: Baseline[];
}

export function compare(
  row: Omit<Row, 'ratio' | 'met' | 'baselineValue'>,
  baseline: Baseline | number,
): Row {
  const baselineValue = typeof baseline === 'number' ? baseline : baseline.value;
  const ratio = row.value / baselineValue;
  const { atLeast, atMost } = row.target ?? {};
  const met =
    row.target === undefined
      ? undefined
      : (atLeast === undefined || ratio >= atLeast) && (atMost === undefined || ratio <= atMost);
  return { ...row, baselineValue, ratio, ...(met === undefined ? {} : { met }) };
}
