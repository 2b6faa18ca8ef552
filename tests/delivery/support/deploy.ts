// The pieces of the local deploy test: a fresh build, release tarballs, a private database,
// free ports, ansible-playbook runs, and what is left running afterwards.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { ansibleDir, repoRoot } from './paths.js';
import { run } from './tools.js';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale(output: string, sources: string[]): boolean {
  const built = join(repoRoot, output);
  if (!existsSync(built)) return true;
  const newestSource = Math.max(...sources.map((source) => newestMtime(join(repoRoot, source))));
  return statSync(built).mtimeMs <= newestSource;
}

/**
 * Runs the parts of `npm run build` whose output is older than its sources: the API (dist/) and
 * the web app (web/dist/) separately, so a web build made by the browser tests is reused.
 */
export function ensureFreshBuild(): string[] {
  const steps: [string, string, string[]][] = [
    [
      'build:api',
      'dist/api/main.js',
      ['api', 'kitchen', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'],
    ],
    ['build:web', 'web/dist/index.html', ['web', 'package-lock.json']],
  ];
  const ran: string[] = [];
  for (const [script, output, sources] of steps) {
    if (!isStale(output, sources)) continue;
    const result = run('npm', ['run', script], { timeout: 240_000 });
    if (result.status !== 0)
      throw new Error(`npm run ${script} failed:\n${result.output.slice(-4000)}`);
    ran.push(script);
  }
  return ran;
}

/** Runs scripts/package-release.sh and moves the tarball into the test's own directory. */
export function packageRelease(version: string, into: string): string {
  const result = run('bash', ['scripts/package-release.sh', version], { timeout: 180_000 });
  if (result.status !== 0)
    throw new Error(`package-release.sh ${version} failed:\n${result.output}`);
  const built = result.output.trim().split('\n').at(-1) ?? '';
  const tarball = join(into, `orderly-${version}.tar.gz`);
  renameSync(built, tarball);
  return tarball;
}

/**
 * The broken release: the real build of `from`, whose entry point first points DATABASE_URL at a
 * port where no database listens. The app starts, but /readyz never answers 200.
 */
export function deriveNeverReadyRelease(
  fromTarball: string,
  version: string,
  workDir: string,
): string {
  const dir = join(workDir, `unpacked-${version}`);
  mkdirSync(dir, { recursive: true });
  const untar = run('tar', ['-xzf', fromTarball, '-C', dir]);
  if (untar.status !== 0) throw new Error(untar.output);
  renameSync(join(dir, 'dist/api/main.js'), join(dir, 'dist/api/main.real.js'));
  writeFileSync(
    join(dir, 'dist/api/main.js'),
    [
      '// Deploy test only: the real app, pointed at a database that never answers, so it is never ready.',
      "process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/unreachable';",
      "await import('./main.real.js');",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'RELEASE'),
    `version=${version}\nderived_from=${fromTarball}\nbroken=never ready\n`,
  );
  const tarball = join(workDir, `orderly-${version}.tar.gz`);
  const tar = run('tar', ['-czf', tarball, '-C', dir, '.']);
  if (tar.status !== 0) throw new Error(tar.output);
  return tarball;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A database of its own on the test PostgreSQL server, so blue and green share it and nobody else does. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface PlaybookRun {
  status: number | null;
  output: string;
  seconds: number;
}

export function runPlaybook(
  playbook: string,
  inventory: string,
  varsFile: string,
  extraVars: Record<string, string>,
): Promise<PlaybookRun> {
  const args = ['-i', inventory, `playbooks/${playbook}.yml`, '-e', `@${varsFile}`];
  for (const [name, value] of Object.entries(extraVars)) args.push('-e', `${name}=${value}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('ansible-playbook', args, {
      cwd: ansibleDir,
      env: {
        ...process.env,
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_FORCE_COLOR: '0',
        ANSIBLE_RETRY_FILES_ENABLED: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) =>
      resolve({ status, output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

/** The pid recorded for a colour, if that process is alive. */
export function runningPid(root: string, colour: string): number | undefined {
  const pidFile = join(root, 'var', `orderly-${colour}.pid`);
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`) ? pid : undefined;
}

/** The release directory a running process serves from. */
export function releaseOf(pid: number): string {
  return readlinkSync(`/proc/${pid}/cwd`);
}

export function linkTarget(path: string): string | undefined {
  return existsSync(path) ? readlinkSync(path) : undefined;
}

export function stopPid(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
