// GitHub Actions workflows: validated against the schema by action-validator, then read for what CI/CD must do.
import {
  accessSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, workflowsDir } from './support/paths.js';
import { actionValidator, hasActionValidator, hasCommand, run } from './support/tools.js';

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };
type YamlObject = { [key: string]: Yaml };

const asObject = (value: Yaml | undefined): YamlObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
const asList = (value: Yaml | undefined): Yaml[] => (Array.isArray(value) ? value : []);

const workflowFiles = readdirSync(workflowsDir)
  .filter((name) => name.endsWith('.yml'))
  .sort();
const workflows = new Map(
  workflowFiles.map((name) => [
    name,
    asObject(parse(readFileSync(join(workflowsDir, name), 'utf8')) as Yaml),
  ]),
);

function workflow(name: string): YamlObject {
  const found = workflows.get(name);
  expect(found, name).toBeDefined();
  return found as YamlObject;
}
const jobs = (name: string) => asObject(workflow(name)['jobs']);
const job = (name: string, id: string) => asObject(jobs(name)[id]);
const steps = (name: string, id: string) => asList(job(name, id)['steps']).map(asObject);
const runs = (name: string, id: string) =>
  steps(name, id)
    .map((step) => String(step['run'] ?? ''))
    .join('\n');
const uses = (name: string, id: string) =>
  steps(name, id).map((step) => String(step['uses'] ?? ''));

describe('GitHub Actions workflows', () => {
  it('has the CI, infrastructure, deploy and rollback workflows', () => {
    expect(workflowFiles).toEqual([
      'ci.yml',
      'deploy.yml',
      'infrastructure.yml',
      'rollback.yml',
      'run-ansible.yml',
    ]);
  });

  it.skipIf(!hasActionValidator).each(workflowFiles)(
    '%s passes action-validator (GitHub Actions schema)',
    (name) => {
      const result = run(actionValidator, [join(workflowsDir, name)], { timeout: 60_000 });
      expect(result.output).not.toMatch(/error/i);
      expect(result.status, result.output).toBe(0);
    },
  );

  it.skipIf(!hasActionValidator)(
    'action-validator rejects a workflow that breaks the schema',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'orderly-workflow-'));
      try {
        const broken = join(dir, 'broken.yml');
        writeFileSync(
          broken,
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: true\n        timeout-minutes: soon\n',
        );
        expect(run(actionValidator, [broken]).status).not.toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!hasCommand('yamllint'))('passes yamllint', () => {
    const result = run('yamllint', ['-c', 'ansible/.yamllint', '-f', 'parsable', '.github']);
    expect(result.status, result.output).toBe(0);
  });

  it.each(workflowFiles)(
    '%s grants read-only permissions at the top and widens them per job only',
    (name) => {
      expect(workflow(name)['permissions']).toEqual({ contents: 'read' });
      for (const [id, body] of Object.entries(jobs(name))) {
        const permissions = asObject(asObject(body)['permissions']);
        for (const [scope, level] of Object.entries(permissions)) {
          expect(['read', 'write', 'none'], `${name} ${id} ${scope}`).toContain(level);
          if (level === 'write')
            expect(['id-token', 'pull-requests'], `${name} ${id} writes ${scope}`).toContain(scope);
        }
      }
    },
  );

  it.each(workflowFiles)('%s pins every external action to a commit SHA', (name) => {
    const text = readFileSync(join(workflowsDir, name), 'utf8');
    const references = [...text.matchAll(/uses:\s*([^\s#]+)/g)].map((match) => match[1] ?? '');
    for (const reference of references.filter((ref) => !ref.startsWith('./'))) {
      expect(reference, name).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  });

  it.each(workflowFiles)('%s reaches AWS through OIDC only, never with stored keys', (name) => {
    const text = readFileSync(join(workflowsDir, name), 'utf8');
    expect(text).not.toMatch(
      /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/,
    );
    for (const [id, body] of Object.entries(jobs(name))) {
      const awsSteps = asList(asObject(body)['steps'])
        .map(asObject)
        .filter((step) =>
          String(step['uses'] ?? '').startsWith('aws-actions/configure-aws-credentials@'),
        );
      for (const step of awsSteps)
        expect(asObject(step['with'])['role-to-assume'], `${name} ${id}`).toBeTruthy();
      if (awsSteps.length > 0)
        expect(asObject(asObject(body)['permissions'])['id-token'], `${name} ${id}`).toBe('write');
    }
  });

  it('runs scripts that exist, are executable and parse', () => {
    const text = workflowFiles
      .map((name) => readFileSync(join(workflowsDir, name), 'utf8'))
      .join('\n');
    const scripts = new Set(
      [...text.matchAll(/(\.github\/scripts\/[\w.-]+\.sh|scripts\/package-release\.sh)/g)].map(
        (m) => m[1] ?? '',
      ),
    );
    expect(scripts.size).toBeGreaterThanOrEqual(5);
    for (const script of [...scripts, 'ansible/bin/run-from-bastion.sh']) {
      const path = join(repoRoot, script);
      accessSync(path, constants.X_OK);
      expect(run('bash', ['-n', path]).status, script).toBe(0);
    }
  });
});

describe('Node.js runtime', () => {
  const setupNodeVersions = (name: string) =>
    Object.keys(jobs(name)).flatMap((id) =>
      steps(name, id)
        .filter((step) => String(step['uses']).startsWith('actions/setup-node@'))
        .map((step) => asObject(step['with'])['node-version']),
    );

  it('builds, lints and deploys on Node 24, the supported LTS line', () => {
    expect(setupNodeVersions('ci.yml')).toEqual([24, 24, 24]);
    expect(setupNodeVersions('deploy.yml')).toEqual([24]);
  });

  it('tests on Node 24, and on 20 for hosts that only have it', () => {
    const test = job('ci.yml', 'test');
    expect(test['container']).toBe('node:${{ matrix.node }}-bookworm');
    expect(asObject(asObject(test['strategy'])['matrix'])['node']).toEqual([24, 20]);
  });

  it('says in package.json which lines are supported, and Ansible installs 24', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || ^24.0.0');
    const defaults = parse(
      readFileSync(join(repoRoot, 'ansible/roles/node_runtime/defaults/main.yml'), 'utf8'),
    ) as Record<string, unknown>;
    expect(defaults['node_runtime_major']).toBe(24);
    for (const environment of ['staging', 'production']) {
      const groupVars = parse(
        readFileSync(
          join(repoRoot, 'ansible/inventories', environment, 'group_vars/app.yml'),
          'utf8',
        ),
      ) as Record<string, unknown>;
      expect(groupVars['node_runtime_min_version'], environment).toBe('24.0.0');
    }
  });
});

describe('CI workflow', () => {
  it('lints, typechecks, tests and builds', () => {
    expect(Object.keys(jobs('ci.yml')).sort()).toEqual(['build', 'lint', 'test', 'typecheck']);
    expect(runs('ci.yml', 'lint')).toContain('npm run lint');
    expect(runs('ci.yml', 'typecheck')).toContain('npm run typecheck');
    expect(runs('ci.yml', 'test')).toContain('npm test');
    expect(runs('ci.yml', 'build')).toContain('npm run build');
    expect(runs('ci.yml', 'build')).toContain('scripts/package-release.sh');
  });

  it('tests against PostgreSQL and Redis service containers', () => {
    const services = asObject(job('ci.yml', 'test')['services']);
    expect(String(asObject(services['postgres'])['image'])).toMatch(/^postgres:\d+/);
    expect(String(asObject(services['redis'])['image'])).toMatch(/^redis:\d+/);
    const env = asObject(job('ci.yml', 'test')['env']);
    expect(String(env['TEST_DATABASE_URL'])).toMatch(/^postgres:\/\/postgres@postgres:5432\/test$/);
    expect(String(env['TEST_REDIS_URL'])).toMatch(/^redis:\/\/redis:6379$/);
    expect(runs('ci.yml', 'test')).toMatch(
      /apt-get install[\s\S]*nginx ansible ansible-lint yamllint/,
    );
  });
});

describe('infrastructure workflow', () => {
  it('checks formatting and validates every root', () => {
    const check = runs('infrastructure.yml', 'check');
    expect(check).toContain('terraform fmt -check -recursive');
    expect(check).toContain('terraform -chdir="$root" validate');
    expect(check).toContain('for root in infra/bootstrap infra/environments; do');
  });

  it('plans on pull requests and posts the plan as a comment', () => {
    const plan = job('infrastructure.yml', 'plan');
    expect(plan['if']).toBe("github.event_name == 'pull_request'");
    expect(asObject(plan['permissions'])['pull-requests']).toBe('write');
    expect(runs('infrastructure.yml', 'plan')).toContain('terraform plan');
    const comment = steps('infrastructure.yml', 'plan').find((step) =>
      String(step['uses']).startsWith('actions/github-script@'),
    );
    expect(String(asObject(comment?.['with'])['script'])).toMatch(/createComment|updateComment/);
  });

  it('plans and applies each environment from the one root with its own state and values', () => {
    const planDir = asObject(asObject(job('infrastructure.yml', 'plan')['defaults'])['run']);
    expect(planDir['working-directory']).toBe('infra/environments');
    const plan = runs('infrastructure.yml', 'plan');
    expect(plan).toContain('-backend-config="$ENVIRONMENT.s3.tfbackend"');
    expect(plan).toContain('-var-file="$ENVIRONMENT.tfvars"');
    for (const environment of ['staging', 'production']) {
      const apply = runs('infrastructure.yml', `apply-${environment}`);
      expect(apply).toContain(
        `terraform init -reconfigure -backend-config=${environment}.s3.tfbackend`,
      );
      expect(apply).toContain(`-var-file=${environment}.tfvars`);
    }
  });

  it('applies on main behind the staging and production environments', () => {
    const staging = job('infrastructure.yml', 'apply-staging');
    const production = job('infrastructure.yml', 'apply-production');
    expect(staging['environment']).toBe('staging');
    expect(production['environment']).toBe('production');
    expect(production['needs']).toBe('apply-staging');
    expect(String(staging['if'])).toContain("github.ref == 'refs/heads/main'");
    expect(runs('infrastructure.yml', 'apply-production')).toContain('terraform apply');
  });
});

describe('deploy and rollback workflows', () => {
  it('builds one artifact and deploys it to staging, then production', () => {
    expect(runs('deploy.yml', 'build')).toContain('scripts/package-release.sh "$VERSION"');
    expect(
      uses('deploy.yml', 'build').some((ref) => ref.startsWith('actions/upload-artifact@')),
    ).toBe(true);
    for (const environment of ['staging', 'production']) {
      const deploy = job('deploy.yml', environment);
      expect(deploy['uses']).toBe('./.github/workflows/run-ansible.yml');
      expect(asObject(deploy['with'])).toMatchObject({ environment, playbook: 'deploy' });
    }
    expect(asList(job('deploy.yml', 'production')['needs'])).toContain('staging');
  });

  it('runs Ansible from the bastion, syncs Route53, smoke-tests the public URL and notifies', () => {
    const run = job('run-ansible.yml', 'run');
    expect(asObject(run['environment'])['name']).toBe('${{ inputs.environment }}');
    const commands = runs('run-ansible.yml', 'run');
    expect(commands).toContain('.github/scripts/route53-sync-bastion.sh');
    expect(commands).toContain('.github/scripts/run-on-bastion.sh "$PLAYBOOK"');
    expect(commands).toContain('.github/scripts/smoke-test.sh "$APP_URL"');
    const notify = steps('run-ansible.yml', 'run').find((step) =>
      String(step['run']).includes('notify-slack.sh'),
    );
    expect(notify?.['if']).toBe('always()');
    const smoke = readFileSync(join(repoRoot, '.github/scripts/smoke-test.sh'), 'utf8');
    for (const path of ['/healthz', '/readyz', '/graphql', '/user_login'])
      expect(smoke).toContain(path);
  });

  it('rolls back by hand to a named release', () => {
    const dispatch = asObject(asObject(workflow('rollback.yml')['on'])['workflow_dispatch']);
    const inputs = asObject(dispatch['inputs']);
    expect(asObject(inputs['version'])['required']).toBe(true);
    expect(asObject(inputs['environment'])['options']).toEqual(['staging', 'production']);
    expect(asObject(job('rollback.yml', 'rollback')['with'])).toMatchObject({
      playbook: 'rollback',
      version: '${{ inputs.version }}',
    });
  });
});
