// A real deploy on this machine: the deploy playbook, run against localhost with a private nginx,
// ships the built app as v1, then v2 under continuous load, refuses a never-ready v3, and rolls back.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  deriveNeverReadyRelease,
  dropDatabase,
  ensureFreshBuild,
  freePort,
  linkTarget,
  packageRelease,
  releaseOf,
  runningPid,
  runPlaybook,
  stopPid,
  type PlaybookRun,
} from './support/deploy.js';
import { colourSwitch, type LoadReport, startLoad } from './support/load.js';
import { repoRoot } from './support/paths.js';
import { hasCommand, run } from './support/tools.js';

const adminDatabaseUrl = process.env['TEST_DATABASE_URL'];
const redisUrl = process.env['TEST_REDIS_URL'];
const missing = [
  ...(['ansible-playbook', 'nginx', 'start-stop-daemon'] as const).filter(
    (tool) => !hasCommand(tool),
  ),
  ...(adminDatabaseUrl ? [] : ['TEST_DATABASE_URL']),
  ...(existsSync(join(repoRoot, 'api', 'main.ts')) ? [] : ['api/main.ts']),
];
const skipReason = missing.length > 0 ? ` (skipped: needs ${missing.join(', ')})` : '';

const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const versions = { v1: `t${suffix}-v1`, v2: `t${suffix}-v2`, v3: `t${suffix}-v3-never-ready` };
const databaseName = `orderly_deploy_${suffix}`;

let work = '';
let root = '';
let nginxDir = '';
let inventory = '';
let varsFile = '';
let nginxPort = 0;
let ports = { blue: 0, green: 0 };
const tarballs = { v1: '', v2: '', v3: '' };
const figures: Record<string, { playbook: PlaybookRun; load?: LoadReport }> = {};
const setup: string[] = [];

function releaseDir(version: string): string {
  return join(root, 'releases', version);
}

async function getThroughNginx(
  path: string,
): Promise<{ status: number; colour: string | null; body: string }> {
  const response = await fetch(`http://127.0.0.1:${nginxPort}${path}`);
  return {
    status: response.status,
    colour: response.headers.get('x-orderly-colour'),
    body: await response.text(),
  };
}

/** Runs a playbook while the load loop hits nginx, and returns both outcomes. */
async function underLoad(playbook: string, version: string, tarball?: string) {
  const load = startLoad(nginxPort, { workers: 2, pauseMs: 40, maxSeconds: 200 });
  const extra: Record<string, string> = version ? { orderly_version: version } : {};
  if (tarball) extra['orderly_release_tarball'] = tarball;
  const result = await runPlaybook(playbook, inventory, varsFile, extra);
  // Keep the load on a moment after the playbook ends: the old colour has just been stopped.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return { result, load: await load.stop() };
}

function explain(run: PlaybookRun, load?: LoadReport): string {
  const failures = load ? JSON.stringify(load.failures.slice(0, 10), null, 2) : '';
  return `playbook exit ${String(run.status)} after ${run.seconds}s\n${run.output.slice(-6000)}\n${failures}`;
}

describe.skipIf(missing.length > 0)(`zero-downtime deploy on localhost${skipReason}`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'orderly-deploy-'));
    // nginx workers run as www-data and must reach their proxy temp directory inside.
    chmodSync(work, 0o755);
    root = join(work, 'opt-orderly');
    nginxDir = join(work, 'nginx');
    mkdirSync(root);

    let started = Date.now();
    const built = ensureFreshBuild();
    setup.push(
      `${built.length > 0 ? `npm run ${built.join(', ')}` : 'reused a fresh build'} in ${(Date.now() - started) / 1000}s`,
    );
    started = Date.now();
    tarballs.v1 = packageRelease(versions.v1, work);
    tarballs.v2 = packageRelease(versions.v2, work);
    tarballs.v3 = deriveNeverReadyRelease(tarballs.v2, versions.v3, work);
    setup.push(
      `packaged v1 and v2 (package-release.sh) and derived v3 in ${(Date.now() - started) / 1000}s`,
    );

    const databaseUrl = await createDatabase(adminDatabaseUrl as string, databaseName);
    nginxPort = await freePort();
    ports = { blue: await freePort(), green: await freePort() };

    inventory = join(work, 'hosts.yml');
    writeFileSync(
      inventory,
      'all:\n  children:\n    app:\n      hosts:\n        localhost:\n          ansible_connection: local\n' +
        `          ansible_python_interpreter: /usr/bin/python3\n`,
    );
    varsFile = join(work, 'vars.json');
    writeFileSync(
      varsFile,
      JSON.stringify({
        // The seam: no systemd as PID 1 here, so start-stop-daemon starts and stops the colours.
        orderly_service_manager: 'start_stop_daemon',
        orderly_root: root,
        orderly_user: 'root',
        node_runtime_user: 'root',
        node_runtime_binary: process.execPath,
        orderly_node_binary: process.execPath,
        orderly_ports: ports,
        orderly_ready_retries: 6,
        orderly_ready_delay: 1,
        orderly_drain_seconds: 1,
        orderly_secret_env: {
          DATABASE_URL: databaseUrl,
          JWT_SECRET: randomBytes(32).toString('base64url'),
          ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        },
        orderly_nginx_manage_package: false,
        orderly_nginx_conf_dir: nginxDir,
        orderly_nginx_pid_file: join(nginxDir, 'nginx.pid'),
        orderly_nginx_log_dir: join(nginxDir, 'logs'),
        orderly_nginx_temp_dir: join(nginxDir, 'tmp'),
        orderly_nginx_listen_port: nginxPort,
        orderly_nginx_upstream_port: ports.blue,
        orderly_nginx_worker_processes: 2,
      }),
    );
  }, 300_000);

  afterAll(async () => {
    for (const colour of ['blue', 'green']) stopPid(root ? runningPid(root, colour) : undefined);
    const nginxPid = join(nginxDir, 'nginx.pid');
    if (existsSync(nginxPid)) run('nginx', ['-c', join(nginxDir, 'nginx.conf'), '-s', 'quit']);
    if (adminDatabaseUrl) await dropDatabase(adminDatabaseUrl, databaseName).catch(() => undefined);
    console.log(
      'deploy test figures:\n' +
        setup.map((line) => `  ${line}\n`).join('') +
        Object.entries(figures)
          .map(([step, { playbook, load }]) =>
            load
              ? `  ${step}: playbook exit ${String(playbook.status)} in ${playbook.seconds}s; requests sent ${load.sent}, failed ${load.failed} over ${load.seconds}s; colours ${JSON.stringify(load.colours)}`
              : `  ${step}: playbook exit ${String(playbook.status)} in ${playbook.seconds}s`,
          )
          .join('\n'),
    );
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    'provisions nginx, then deploys release v1 of the built app on the blue colour',
    { timeout: 300_000 },
    async () => {
      const provision = await runPlaybook('site', inventory, varsFile, {});
      figures['provision (site.yml)'] = { playbook: provision };
      expect(provision.status, explain(provision)).toBe(0);
      expect(existsSync(join(nginxDir, 'nginx.pid'))).toBe(true);

      const result = await runPlaybook('deploy', inventory, varsFile, {
        orderly_version: versions.v1,
        orderly_release_tarball: tarballs.v1,
      });
      figures['v1'] = { playbook: result };
      expect(result.status, explain(result)).toBe(0);

      const health = await getThroughNginx('/healthz');
      expect(health).toMatchObject({ status: 200, colour: 'blue' });
      expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
      expect((await getThroughNginx('/readyz')).status).toBe(200);
      expect((await getThroughNginx('/')).body).toMatch(/<html/i);
      // Compressed on the way, for a client that takes it.
      const reference = await fetch(`http://127.0.0.1:${nginxPort}/openapi.json`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(reference.headers.get('content-encoding')).toBe('gzip');
      expect(await reference.json()).toHaveProperty('paths');

      const blue = runningPid(root, 'blue');
      expect(blue).toBeDefined();
      expect(releaseOf(blue as number)).toBe(releaseDir(versions.v1));
      expect(linkTarget(join(root, 'current'))).toBe(releaseDir(versions.v1));
      expect(readFileSync(join(root, 'var', 'active-colour'), 'utf8').trim()).toBe('blue');
      expect(readFileSync(join(releaseDir(versions.v1), 'RELEASE'), 'utf8')).toContain(
        `version=${versions.v1}`,
      );
    },
  );

  it(
    'deploys v2 to green under continuous load with zero failed requests',
    { timeout: 300_000 },
    async () => {
      const blueBefore = runningPid(root, 'blue');
      const { result, load } = await underLoad('deploy', versions.v2, tarballs.v2);
      figures['v2'] = { playbook: result, load };
      expect(result.status, explain(result, load)).toBe(0);

      expect(load.sent).toBeGreaterThan(200);
      expect(load.failed, explain(result, load)).toBe(0);
      // Traffic moved from blue to green during the run, never back.
      expect(colourSwitch(load, 'blue', 'green'), JSON.stringify(load.colourSequence)).toEqual({
        first: 'blue',
        last: 'green',
        colours: ['blue', 'green'],
        lateOld: 0,
      });

      const green = runningPid(root, 'green');
      expect(green).toBeDefined();
      expect(releaseOf(green as number)).toBe(releaseDir(versions.v2));
      expect(
        blueBefore === undefined || !existsSync(`/proc/${blueBefore}`),
        'the old colour was stopped',
      ).toBe(true);
      expect(runningPid(root, 'blue')).toBeUndefined();
      expect(linkTarget(join(root, 'current'))).toBe(releaseDir(versions.v2));
      expect(linkTarget(join(root, 'previous'))).toBe(releaseDir(versions.v1));
      expect(await getThroughNginx('/healthz')).toMatchObject({ status: 200, colour: 'green' });
    },
  );

  it(
    'refuses a v3 that never becomes ready, loudly, while v2 keeps serving every request',
    { timeout: 300_000 },
    async () => {
      const greenBefore = runningPid(root, 'green');
      const { result, load } = await underLoad('deploy', versions.v3, tarballs.v3);
      figures['v3 (never ready)'] = { playbook: result, load };

      expect(result.status, explain(result, load)).not.toBe(0);
      expect(result.output).toContain(`DEPLOY REFUSED on localhost: release ${versions.v3}`);
      expect(result.output).toContain(
        `nginx still sends traffic to colour green running release ${versions.v2}`,
      );

      expect(load.sent).toBeGreaterThan(100);
      expect(load.failed, explain(result, load)).toBe(0);
      expect(Object.keys(load.colours)).toEqual(['green']);

      expect(runningPid(root, 'green')).toBe(greenBefore);
      expect(runningPid(root, 'blue'), 'the never-ready release was stopped').toBeUndefined();
      expect(linkTarget(join(root, 'current'))).toBe(releaseDir(versions.v2));
      expect(readFileSync(join(root, 'var', 'active-colour'), 'utf8').trim()).toBe('green');
      expect(await getThroughNginx('/readyz')).toMatchObject({ status: 200, colour: 'green' });
    },
  );

  it(
    'rolls back to the previous release (v1) under load with zero failed requests',
    { timeout: 300_000 },
    async () => {
      const { result, load } = await underLoad('rollback', '');
      figures['rollback to v1'] = { playbook: result, load };
      expect(result.status, explain(result, load)).toBe(0);
      expect(load.failed, explain(result, load)).toBe(0);
      expect(colourSwitch(load, 'green', 'blue'), JSON.stringify(load.colourSequence)).toEqual({
        first: 'green',
        last: 'blue',
        colours: ['blue', 'green'],
        lateOld: 0,
      });

      const blue = runningPid(root, 'blue');
      expect(releaseOf(blue as number)).toBe(releaseDir(versions.v1));
      expect(runningPid(root, 'green')).toBeUndefined();
      expect(linkTarget(join(root, 'current'))).toBe(releaseDir(versions.v1));
      expect(linkTarget(join(root, 'previous'))).toBe(releaseDir(versions.v2));
      expect(await getThroughNginx('/healthz')).toMatchObject({ status: 200, colour: 'blue' });
    },
  );
});
