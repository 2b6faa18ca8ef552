// A PostgreSQL cluster of the test's own (initdb + pg_ctl in a temporary directory, on a spare
// loopback port), which the test may stop, stall and cut off without touching the shared server.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { hasCommand } from '../../delivery/support/tools.js';
import { freePort } from './ports.js';

/** The folder with initdb, pg_ctl and postgres: on PATH, or the newest Debian install. */
function findBinaries(): string | undefined {
  if (hasCommand('initdb') && hasCommand('pg_ctl')) return '';
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : undefined;
}

const binaries = findBinaries();
const asRoot = userInfo().uid === 0;
/** PostgreSQL refuses to run as root: as root, the cluster runs as the postgres user. */
const runsAs = asRoot ? 'postgres' : undefined;
export const hasPostgresTools =
  binaries !== undefined && (!asRoot || (hasCommand('runuser') && userExists('postgres')));

function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

function tool(name: string, args: string[], timeoutMs = 60_000) {
  const command = path.join(binaries ?? '', name);
  const [file, argv] = runsAs
    ? ['runuser', ['-u', runsAs, '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    throw new Error(`${name} ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
  }
}

export interface OwnPostgres {
  readonly port: number;
  /** postgres://… of its `postgres` database, as the superuser. */
  readonly url: string;
  start(): void;
  /** An immediate stop: connections drop as in a crash or a failover. */
  stop(): void;
  /** SIGSTOP on the postmaster and every backend: the server accepts TCP but answers nothing. */
  stall(): void;
  resume(): void;
  destroy(): void;
}

const running = new Set<OwnPostgres>();
process.once('exit', () => {
  for (const cluster of running) cluster.destroy();
});

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orderly-faults-pg-'));
  if (runsAs) chownSync(dir, uidOf(runsAs), gidOf(runsAs));
  const data = path.join(dir, 'data');
  const port = await freePort();
  tool('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c max_connections=60',
  ].join(' ');
  let stalled: number[] = [];
  const cluster: OwnPostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () =>
      tool('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    stall() {
      const postmaster = Number(
        readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      stalled = [postmaster, ...childrenOf(postmaster)];
      for (const pid of stalled) process.kill(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of stalled) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // gone
        }
      }
      stalled = [];
    },
    destroy() {
      running.delete(cluster);
      cluster.resume();
      if (existsSync(path.join(data, 'postmaster.pid'))) {
        try {
          cluster.stop();
        } catch {
          // already down
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(cluster);
  cluster.start();
  return cluster;
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}
