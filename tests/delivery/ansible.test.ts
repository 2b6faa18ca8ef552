// Static checks of the Ansible tree: ansible-lint (production profile), yamllint, syntax-check, role layout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ansibleDir } from './support/paths.js';
import { hasCommand, run } from './support/tools.js';

const hasAnsibleLint = hasCommand('ansible-lint');
const hasYamllint = hasCommand('yamllint');
const hasAnsible = hasCommand('ansible-playbook');
const roles = ['node_runtime', 'orderly_nginx', 'orderly_release'];

describe('Ansible', () => {
  it.skipIf(!hasAnsibleLint)(
    'passes ansible-lint with the production profile',
    { timeout: 120_000 },
    () => {
      const result = run('ansible-lint', ['--offline', '--profile', 'production', '--nocolor'], {
        cwd: ansibleDir,
        timeout: 120_000,
      });
      expect(result.output).toMatch(/Passed with production profile/);
      expect(result.status, result.output).toBe(0);
    },
  );

  it.skipIf(!hasYamllint)('passes yamllint', () => {
    const result = run('yamllint', ['-c', '.yamllint', '-f', 'parsable', '.'], { cwd: ansibleDir });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasAnsible).each(['site', 'deploy', 'rollback'])(
    'playbooks/%s.yml passes ansible-playbook --syntax-check',
    (playbook) => {
      const result = run(
        'ansible-playbook',
        ['--syntax-check', '-i', 'localhost,', `playbooks/${playbook}.yml`],
        { cwd: ansibleDir },
      );
      expect(result.status, result.output).toBe(0);
    },
  );

  it.each(['staging', 'production'])(
    'the %s inventory finds the app instances by tag through the aws_ec2 plugin',
    (environment) => {
      const inventory = parse(
        readFileSync(join(ansibleDir, 'inventories', environment, 'aws_ec2.yml'), 'utf8'),
      ) as Record<string, unknown>;
      expect(inventory['plugin']).toBe('amazon.aws.aws_ec2');
      expect(inventory['filters']).toMatchObject({
        'tag:Environment': environment,
        'tag:Role': 'app',
      });
      const groupVars = parse(
        readFileSync(join(ansibleDir, 'inventories', environment, 'group_vars', 'app.yml'), 'utf8'),
      ) as Record<string, unknown>;
      expect(groupVars['orderly_ssm_prefix']).toBe(`/orderly/${environment}`);
    },
  );

  it.each(roles)('role %s has defaults, tasks, handlers, templates and meta', (role) => {
    for (const dir of ['defaults', 'tasks', 'handlers', 'templates', 'meta']) {
      expect(existsSync(join(ansibleDir, 'roles', role, dir)), `${role}/${dir}`).toBe(true);
    }
  });

  it('provisions, deploys and rolls back one host at a time, stopping at the first failure', () => {
    for (const playbook of ['site', 'deploy', 'rollback']) {
      const plays = parse(
        readFileSync(join(ansibleDir, 'playbooks', `${playbook}.yml`), 'utf8'),
      ) as Record<string, unknown>[];
      expect(plays[0]).toMatchObject({
        hosts: 'app',
        serial: 1,
        any_errors_fatal: true,
        max_fail_percentage: 0,
      });
    }
  });
});
