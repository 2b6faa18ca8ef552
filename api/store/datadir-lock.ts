// One process at a time on a PGlite data directory: PGlite is an embedded database, and two
// processes writing the same files corrupt them. The lock is a file naming its holder, created whole
// and atomically (link(2) of a finished file fails when the name exists). A lock whose process is
// gone, or whose pid now belongs to a newer process, is stale and taken over.
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { DataDirLockedError } from './db-errors.js';

export const LOCK_FILE = 'pglite.lock';

interface Holder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** The kernel's start time of the process (Linux), which tells a reused pid from its first owner. */
  processStart?: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** Lock files this process holds, with the exact text it wrote (released on exit, too). */
const held = new Map<string, string>();
let releasesOnExit = false;

export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  if (held.has(file)) throw inUse(dataDir, { pid: process.pid, hostname: hostname() });
  const holder: Holder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    ...(processStart(process.pid) ? { processStart: processStart(process.pid) } : {}),
  };
  const text = JSON.stringify(holder) + '\n';
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, text, { mode: 0o644 });
  try {
    // A few rounds: between finding a stale lock and removing it, another process may take it.
    for (let round = 0; round < 3; round++) {
      try {
        linkSync(draft, file);
        held.set(file, text);
        releaseOnExit();
        return { file, release: () => release(file) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = read(file);
      if (current === undefined) continue;
      if (current.holder && isRunning(current.holder)) throw inUse(dataDir, current.holder);
      // Stale: remove it unless it changed since we read it (someone else took it over first).
      if (read(file)?.text === current.text) unlinkQuietly(file);
    }
    throw new DataDirLockedError(dataDir, 'another process that is starting');
  } finally {
    unlinkQuietly(draft);
  }
}

function inUse(dataDir: string, holder: Pick<Holder, 'pid' | 'hostname'>): DataDirLockedError {
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
  return new DataDirLockedError(dataDir, `process ${holder.pid}${where}`);
}

function read(file: string): { text: string; holder: Holder | null } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') throw new Error();
    return { text, holder: parsed as Holder };
  } catch {
    return { text, holder: null }; // not a lock we wrote whole: stale
  }
}

function isRunning(holder: Holder): boolean {
  // Our own pid but not our lock: a previous life of this pid (a container restarted as pid 1).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(holder.pid);
  if (stat?.state === 'Z') return false; // killed, not yet reaped by its parent
  if (stat && holder.processStart && stat.start !== holder.processStart) return false;
  return true;
}

function processStart(pid: number): string | undefined {
  return procStat(pid)?.start;
}

/** The state and start time fields of /proc/<pid>/stat, where there is one. */
function procStat(pid: number): { state: string; start: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [state, start] = [fields[0], fields[19]];
  return state && start ? { state, start } : undefined;
}

function release(file: string): void {
  const text = held.get(file);
  if (text === undefined) return;
  held.delete(file);
  if (read(file)?.text === text) unlinkQuietly(file);
}

function releaseOnExit(): void {
  if (releasesOnExit) return;
  releasesOnExit = true;
  process.once('exit', () => {
    for (const file of [...held.keys()]) release(file);
  });
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
