// Policy checks over every Terraform file: parsed with @cdktf/hcl2json, since there is no Terraform binary here.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblems } from './support/format.js';
import { infraDir } from './support/paths.js';
import {
  type Block,
  type HclObject,
  type HclValue,
  type TerraformFile,
  isExpression,
  isObject,
  labelledBlocks,
  loadTerraform,
  namedBlocks,
  objects,
  parseHcl,
  referencedName,
  terraformSettings,
} from './support/terraform.js';

let files: TerraformFile[] = [];
let tfvars: TerraformFile[] = [];
let backendConfigs: TerraformFile[] = [];

beforeAll(async () => {
  files = await loadTerraform(['.tf']);
  tfvars = await loadTerraform(['.tfvars']);
  backendConfigs = await loadTerraform(['.tfbackend']);
});

const environments = ['staging', 'production'];
/** The one root every environment is planned from, with its <environment>.tfvars. */
const environmentsRoot = 'environments';
const environmentValues = (environment: string) =>
  tfvars.find((file) => file.path === `${environmentsRoot}/${environment}.tfvars`)?.json ?? {};

const moduleDirs = readdirSync(join(infraDir, 'modules')).map((name) => `modules/${name}`);
const rootDirs = ['bootstrap', 'environments'];

function resources(type: string): Block[] {
  return labelledBlocks(files, 'resource', type);
}

function only(type: string, name?: string): Block {
  const found = resources(type).filter((block) => name === undefined || block.name === name);
  expect(found, `exactly one ${type}${name ? `.${name}` : ''}`).toHaveLength(1);
  return found[0] as Block;
}

function variable(dir: string, name: string): HclObject {
  const found = namedBlocks(files, 'variable').find(
    (block) => block.file.dir === dir && block.name === name,
  );
  expect(found, `variable ${name} in ${dir}`).toBeDefined();
  return (found as Block).body;
}

function validationConditions(body: HclObject): string[] {
  return objects(body['validation']).map((validation) => String(validation['condition']));
}

describe('Terraform layout', () => {
  it('parses every .tf and .tfvars file under infra/', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(tfvars.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        'bootstrap/terraform.tfvars',
        'environments/production.tfvars',
        'environments/staging.tfvars',
      ]),
    );
  });

  it('rejects broken HCL, so a syntax error would fail the parse above', async () => {
    await expect(
      parseHcl('broken.tf', 'resource "aws_vpc" "x" {\n  cidr_block = \n}\n'),
    ).rejects.toThrow();
  });

  it.each([...moduleDirs, ...rootDirs])(
    '%s has main.tf, variables.tf, outputs.tf and versions.tf',
    (dir) => {
      for (const name of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf']) {
        expect(existsSync(join(infraDir, dir, name)), `${dir}/${name}`).toBe(true);
      }
    },
  );

  it.each([...moduleDirs, ...rootDirs])('%s pins Terraform and every provider it uses', (dir) => {
    const settings = terraformSettings(files).filter((entry) => entry.file.dir === dir);
    const versions = settings.find((entry) => entry.file.path.endsWith('versions.tf'));
    expect(versions, `${dir}/versions.tf has a terraform block`).toBeDefined();
    const body = (versions as { body: HclObject }).body;
    expect(String(body['required_version'])).toMatch(/^>= 1\.\d+\.\d+, < 2\.0\.0$/);

    const providers = objects(body['required_providers'])[0] ?? {};
    for (const [name, spec] of Object.entries(providers)) {
      expect(isObject(spec) && spec['source'], `${name} source`).toBe(`hashicorp/${name}`);
      expect(isObject(spec) && String(spec['version']), `${name} version`).toMatch(/^~> \d+\.\d+$/);
    }
    const inDir = files.filter((file) => file.dir === dir);
    const used = new Set(
      [...labelledBlocks(inDir, 'resource'), ...labelledBlocks(inDir, 'data')].map(
        (block) => block.type.split('_')[0],
      ),
    );
    for (const provider of used)
      expect(Object.keys(providers), `${dir} declares provider ${provider}`).toContain(provider);
  });

  it('types and describes every variable', () => {
    const variables = namedBlocks(files, 'variable');
    expect(variables.length).toBeGreaterThan(80);
    for (const { file, name, body } of variables) {
      expect(isExpression(body['type']), `${file.path}: variable ${name} has a type`).toBe(true);
      expect(
        String(body['description'] ?? '').length,
        `${file.path}: variable ${name} has a description`,
      ).toBeGreaterThan(10);
    }
  });

  it('describes every output', () => {
    for (const { file, name, body } of namedBlocks(files, 'output')) {
      expect(
        String(body['description'] ?? '').length,
        `${file.path}: output ${name}`,
      ).toBeGreaterThan(10);
    }
  });

  it('is laid out as terraform fmt would write it', () => {
    const problems = files.flatMap((file) =>
      formatProblems(file.text).map((problem) => `${file.path} ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('flags a misaligned attribute, so the layout check can fail', () => {
    expect(
      formatProblems('resource "a" "b" {\n  name = "x"\n  instance_type = "y"\n}\n'),
    ).toHaveLength(1);
  });
});

describe('remote state', () => {
  it.each(environments)(
    '%s keeps its state in S3 with a DynamoDB lock, encrypted, under a key of its own',
    (environment) => {
      const backend = terraformSettings(files)
        .filter((entry) => entry.file.dir === environmentsRoot)
        .flatMap((entry) => objects(entry.body['backend']))
        .flatMap((backends) => objects(backends['s3']));
      expect(backend).toHaveLength(1);
      // Partial configuration: the key is the only thing the environment's backend file adds.
      const partial = backendConfigs.find(
        (file) => file.path === `${environmentsRoot}/${environment}.s3.tfbackend`,
      );
      expect(partial?.json).toEqual({ key: `${environment}/terraform.tfstate` });
      const s3 = { ...(backend[0] as HclObject), ...partial?.json };
      expect(s3['key']).toBe(`${environment}/terraform.tfstate`);
      expect(s3['encrypt']).toBe(true);
      expect(String(s3['dynamodb_table'])).not.toBe('');
      const bootstrapTfvars = tfvars.find((file) => file.path === 'bootstrap/terraform.tfvars');
      expect(s3['bucket']).toBe(bootstrapTfvars?.json['state_bucket_name']);
      expect(s3['dynamodb_table']).toBe(bootstrapTfvars?.json['lock_table_name']);
    },
  );

  it('bootstrap creates the versioned state bucket and the LockID table', () => {
    const bootstrap = files.filter((file) => file.dir === 'bootstrap');
    expect(labelledBlocks(bootstrap, 'resource', 'aws_s3_bucket')).toHaveLength(1);
    expect(labelledBlocks(bootstrap, 'resource', 'aws_s3_bucket_versioning')).toHaveLength(1);
    expect(labelledBlocks(bootstrap, 'resource', 'aws_s3_bucket_public_access_block')).toHaveLength(
      1,
    );
    const table = labelledBlocks(bootstrap, 'resource', 'aws_dynamodb_table')[0];
    expect(table?.body['hash_key']).toBe('LockID');
  });
});

describe('network and compute', () => {
  it('spans exactly two availability zones with public and private subnets', () => {
    expect(
      validationConditions(variable('modules/network', 'availability_zones')).join(),
    ).toContain('== 2');
    const subnets = resources('aws_subnet');
    expect(subnets.map((subnet) => subnet.name).sort()).toEqual(['private', 'public']);
    for (const subnet of subnets)
      expect(subnet.body['count']).toBe('${length(var.availability_zones)}');
    expect(resources('aws_nat_gateway')).toHaveLength(1);
    expect(resources('aws_internet_gateway')).toHaveLength(1);
  });

  it('runs at least two app instances in private subnets, without public addresses', () => {
    const app = only('aws_instance', 'app');
    expect(app.body['count']).toBe('${var.instance_count}');
    expect(validationConditions(variable('modules/app', 'instance_count'))).toContain(
      '${var.instance_count >= 2}',
    );
    expect(String(app.body['subnet_id'])).toContain('var.private_subnet_ids');
    expect(app.body['associate_public_ip_address']).toBe(false);
    const stack = namedBlocks(files, 'module').find(
      (block) => block.name === 'app' && block.file.dir === 'modules/stack',
    );
    expect(stack?.body['private_subnet_ids']).toBe('${module.network.private_subnet_ids}');
    for (const file of tfvars.filter((entry) => entry.dir === environmentsRoot)) {
      expect(Number(file.json['app_instance_count']), file.path).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a bastion in a public subnet', () => {
    const bastion = only('aws_instance', 'bastion');
    expect(bastion.body['associate_public_ip_address']).toBe(true);
    const stack = namedBlocks(files, 'module').find(
      (block) => block.name === 'bastion' && block.file.dir === 'modules/stack',
    );
    expect(stack?.body['public_subnet_id']).toBe('${module.network.public_subnet_ids[0]}');
  });

  it('requires IMDSv2 and encrypted root volumes on every instance', () => {
    for (const instance of resources('aws_instance')) {
      expect(objects(instance.body['metadata_options'])[0]?.['http_tokens'], instance.name).toBe(
        'required',
      );
      expect(objects(instance.body['root_block_device'])[0]?.['encrypted'], instance.name).toBe(
        true,
      );
    }
  });
});

describe('load balancer', () => {
  it('forwards HTTPS with the ACM certificate variable and redirects HTTP', () => {
    const listeners = resources('aws_lb_listener');
    const https = listeners.find((listener) => listener.body['port'] === 443);
    expect(https?.body['protocol']).toBe('HTTPS');
    expect(https?.body['certificate_arn']).toBe('${var.certificate_arn}');
    expect(objects(https?.body['default_action'])[0]?.['type']).toBe('forward');
    const http = listeners.find((listener) => listener.body['port'] === 80);
    expect(objects(objects(http?.body['default_action'])[0]?.['redirect'])[0]?.['protocol']).toBe(
      'HTTPS',
    );
  });

  it('keeps idle WebSocket connections open', () => {
    expect(only('aws_lb').body['idle_timeout']).toBe('${var.idle_timeout}');
    const idle = variable('modules/alb', 'idle_timeout');
    expect(Number(idle['default'])).toBeGreaterThanOrEqual(300);
    expect(validationConditions(idle).join()).toContain('>= 300');
  });

  it('health-checks the app readiness endpoint', () => {
    const group = only('aws_lb_target_group');
    expect(String(objects(group.body['health_check'])[0]?.['path'])).toBe(
      '${var.health_check_path}',
    );
    expect(variable('modules/alb', 'health_check_path')['default']).toBe('/readyz');
  });
});

describe('security groups', () => {
  interface Rule {
    name: string;
    group: string | undefined;
    from: HclValue | undefined;
    to: HclValue | undefined;
    cidr: HclValue | undefined;
    source: string | undefined;
  }

  function ingressRules(): Rule[] {
    return resources('aws_vpc_security_group_ingress_rule').map(({ name, body }) => ({
      name,
      group: referencedName(body['security_group_id'], 'aws_security_group'),
      from: body['from_port'],
      to: body['to_port'],
      cidr: body['cidr_ipv4'] ?? body['cidr_ipv6'] ?? body['prefix_list_id'],
      source: referencedName(body['referenced_security_group_id'], 'aws_security_group'),
    }));
  }

  it('declares rules as separate resources only, never inline or as aws_security_group_rule', () => {
    for (const group of resources('aws_security_group')) {
      expect(group.body['ingress'], group.name).toBeUndefined();
      expect(group.body['egress'], group.name).toBeUndefined();
    }
    expect(resources('aws_security_group_rule')).toEqual([]);
  });

  it('opens nothing to the internet except 80 and 443 on the ALB', () => {
    const open = ingressRules().filter((rule) => rule.cidr === '0.0.0.0/0' || rule.cidr === '::/0');
    expect(open.map((rule) => [rule.group, rule.from, rule.to])).toEqual([
      ['alb', 80, 80],
      ['alb', 443, 443],
    ]);
  });

  it('lets operator CIDRs reach only the bastion on 22, and never 0.0.0.0/0', () => {
    const fromVariables = ingressRules().filter((rule) => isExpression(rule.cidr));
    expect(fromVariables.map((rule) => [rule.group, rule.from, rule.to, rule.cidr])).toEqual([
      ['bastion', 22, 22, '${each.value}'],
    ]);
    const admins = variable('modules/security', 'admin_ssh_cidrs');
    expect(validationConditions(admins).join()).toMatch(
      /!contains\(\["0\.0\.0\.0\/0", "::\/0"\], cidr\)/,
    );
    for (const file of tfvars) {
      expect(JSON.stringify(file.json['admin_ssh_cidrs'] ?? []), file.path).not.toMatch(
        /0\.0\.0\.0\/0|::\/0/,
      );
    }
  });

  it('allows exactly ALB → app, bastion → app SSH, app → PostgreSQL and app → Redis between groups', () => {
    const between = ingressRules()
      .filter((rule) => rule.source !== undefined)
      .map((rule) => `${rule.source} → ${rule.group}:${String(rule.from)}-${String(rule.to)}`)
      .sort();
    expect(between).toEqual([
      'alb → app:${var.app_port}-${var.app_port}',
      'app → cache:6379-6379',
      'app → database:5432-5432',
      'bastion → app:22-22',
    ]);
  });

  it('never allows SSH from a CIDR to the app instances', () => {
    const ssh = ingressRules().filter((rule) => rule.group === 'app' && rule.from === 22);
    expect(ssh.map((rule) => rule.source)).toEqual(['bastion']);
  });
});

describe('data stores', () => {
  it('keeps RDS private, encrypted, backed up, with a multi-AZ switch', () => {
    const db = only('aws_db_instance');
    expect(db.body['engine']).toBe('postgres');
    expect(db.body['publicly_accessible']).toBe(false);
    expect(db.body['storage_encrypted']).toBe(true);
    expect(db.body['multi_az']).toBe('${var.multi_az}');
    expect(db.body['backup_retention_period']).toBe('${var.backup_retention_days}');
    expect(
      validationConditions(variable('modules/database', 'backup_retention_days')).join(),
    ).toContain('>= 1');
    expect(db.body['skip_final_snapshot']).toBe(false);
    expect(only('aws_db_subnet_group').body['subnet_ids']).toBe('${var.private_subnet_ids}');
    expect(environmentValues('production')['db_multi_az']).toBe(true);
  });

  it('runs Redis on ElastiCache, encrypted at rest and in transit, with an auth token', () => {
    const redis = only('aws_elasticache_replication_group');
    expect(redis.body['engine']).toBe('redis');
    expect(redis.body['at_rest_encryption_enabled']).toBe(true);
    expect(redis.body['transit_encryption_enabled']).toBe(true);
    expect(redis.body['auth_token']).toBe('${random_password.auth_token.result}');
  });
});

describe('DNS', () => {
  it('aliases the app name to the ALB and points the bastion record at its current address', () => {
    const records = resources('aws_route53_record');
    const app = records.find((record) => record.name === 'app');
    expect(objects(app?.body['alias'])[0]?.['name']).toBe('${var.alb_dns_name}');
    const bastion = records.find((record) => record.name === 'bastion');
    expect(bastion?.body['records']).toEqual(['${var.bastion_public_ip}']);
    expect(Number(variable('modules/dns', 'bastion_ttl')['default'])).toBeLessThanOrEqual(300);
    const stack = namedBlocks(files, 'module').find(
      (block) => block.name === 'dns' && block.file.dir === 'modules/stack',
    );
    expect(stack?.body['bastion_public_ip']).toBe('${module.bastion.public_ip}');
  });
});

describe('secrets', () => {
  it('stores DATABASE_URL, JWT_SECRET, METRICS_TOKEN and REDIS_URL as SecureString parameters under a KMS key', () => {
    const parameter = only('aws_ssm_parameter', 'runtime');
    expect(parameter.body['for_each']).toBe(
      '${toset(["DATABASE_URL", "JWT_SECRET", "METRICS_TOKEN", "REDIS_URL"])}',
    );
    // Generated, like JWT_SECRET: never typed into a variable or a tfvars file.
    expect(String(only('random_password', 'metrics_token').body['length'])).toBe('48');
    // Where Prometheus finds the token it scrapes /metrics with.
    const output = namedBlocks(files, 'output').find(
      (block) =>
        block.file.dir === environmentsRoot && block.name === 'metrics_token_parameter_name',
    );
    expect(output?.body['value']).toBe('${module.orderly.metrics_token_parameter_name}');
    expect(parameter.body['type']).toBe('SecureString');
    expect(parameter.body['key_id']).toBe('${aws_kms_key.parameters.arn}');
    expect(only('aws_kms_key', 'parameters').body['enable_key_rotation']).toBe(true);
  });

  it('lets the app instance role read those parameters and nothing else', () => {
    const policy = labelledBlocks(files, 'data', 'aws_iam_policy_document').find(
      (block) => block.file.dir === 'modules/app' && block.name === 'read_runtime_parameters',
    );
    const statements = objects(policy?.body['statement']);
    expect(statements.flatMap((statement) => statement['actions']).sort()).toEqual([
      'kms:Decrypt',
      'ssm:GetParameter',
      'ssm:GetParameters',
    ]);
    expect(statements.map((statement) => statement['resources'])).toEqual([
      '${var.parameter_arns}',
      ['${var.parameters_kms_key_arn}'],
    ]);
    const attachments = [
      ...resources('aws_iam_role_policy'),
      ...resources('aws_iam_role_policy_attachment'),
    ].filter((block) => block.file.dir === 'modules/app');
    expect(attachments.map((block) => block.name)).toEqual(['read_runtime_parameters']);
    const stack = namedBlocks(files, 'module').find(
      (block) => block.name === 'app' && block.file.dir === 'modules/stack',
    );
    expect(stack?.body['parameter_arns']).toBe('${module.secrets.parameter_arns}');
  });

  it('keeps every plaintext secret out of HCL and tfvars', () => {
    const secretName = /password|secret|token|private_key|database_url|redis_url/i;
    for (const { file, name, body } of namedBlocks(files, 'variable')) {
      if (!secretName.test(name)) continue;
      expect(body['sensitive'], `${file.path}: variable ${name} is sensitive`).toBe(true);
      expect(body['default'], `${file.path}: variable ${name} has no default`).toBeUndefined();
    }
    const secretAttribute =
      /^(password|master_password|auth_token|secret_key|access_key|private_key|token)$/;
    const literalSecrets: string[] = [];
    const isLiteral = (value: HclValue | undefined) =>
      typeof value === 'string' && !value.includes('${');
    const visit = (value: HclValue | undefined, path: string) => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
      else if (isObject(value)) {
        for (const [key, inner] of Object.entries(value)) {
          if (secretAttribute.test(key) && isLiteral(inner)) literalSecrets.push(`${path}.${key}`);
          visit(inner, `${path}.${key}`);
        }
      }
    };
    for (const file of files) visit(file.json, file.path);
    for (const parameter of resources('aws_ssm_parameter')) {
      if (isLiteral(parameter.body['value']))
        literalSecrets.push(`${parameter.file.path}: aws_ssm_parameter.${parameter.name}.value`);
    }
    expect(literalSecrets).toEqual([]);
    for (const file of tfvars) {
      expect(
        Object.keys(file.json).filter((key) => secretName.test(key)),
        file.path,
      ).toEqual([]);
    }
    const patterns = [
      /AKIA[0-9A-Z]{16}/,
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
      /(postgres|rediss?):\/\/[^$\s"]*:[^$\s"@]+@/,
    ];
    for (const file of [...files, ...tfvars]) {
      for (const pattern of patterns)
        expect(file.text, `${file.path} matches ${String(pattern)}`).not.toMatch(pattern);
    }
  });

  it('gives no provider static credentials and creates no IAM access keys', () => {
    for (const provider of namedBlocks(files, 'provider')) {
      expect(
        Object.keys(provider.body).filter((key) => /access_key|secret_key|token/.test(key)),
      ).toEqual([]);
    }
    expect(resources('aws_iam_access_key')).toEqual([]);
    expect(resources('aws_iam_user')).toEqual([]);
  });
});

describe('CI access', () => {
  it('trusts GitHub OIDC only for the environment-bound deploy jobs', () => {
    const trust = labelledBlocks(files, 'data', 'aws_iam_policy_document').find(
      (block) => block.file.dir === 'modules/ci_access' && block.name === 'assume_from_github',
    );
    const conditions = objects(objects(trust?.body['statement'])[0]?.['condition']);
    expect(conditions.map((condition) => [condition['variable'], condition['values']])).toEqual([
      ['token.actions.githubusercontent.com:aud', ['sts.amazonaws.com']],
      [
        'token.actions.githubusercontent.com:sub',
        ['repo:${var.github_repository}:environment:${var.environment}'],
      ],
    ]);
    expect(only('aws_iam_openid_connect_provider').body['url']).toBe(
      'https://token.actions.githubusercontent.com',
    );
  });
});

describe('environments', () => {
  it('plans staging and production from one root, not from copies', () => {
    const roots = new Set(
      files.filter((file) => file.dir.startsWith(environmentsRoot)).map((file) => file.dir),
    );
    expect([...roots]).toEqual([environmentsRoot]);
    expect(
      tfvars
        .filter((file) => file.dir === environmentsRoot)
        .map((file) => file.path)
        .sort(),
    ).toEqual(environments.map((e) => `${environmentsRoot}/${e}.tfvars`).sort());
    const environment = variable(environmentsRoot, 'environment');
    expect(validationConditions(environment).join()).toContain(
      'contains(["staging", "production"], var.environment)',
    );
  });

  it.each(environments)(
    '%s sets every root variable without a default, and nothing unknown',
    (environment) => {
      const declared = namedBlocks(files, 'variable').filter(
        (block) => block.file.dir === environmentsRoot,
      );
      const values = environmentValues(environment);
      const required = declared
        .filter((block) => !('default' in block.body))
        .map((block) => block.name);
      expect(
        Object.keys(values).filter((key) => !declared.some((block) => block.name === key)),
      ).toEqual([]);
      expect(required.filter((name) => !(name in values))).toEqual([]);
      expect(values['environment']).toBe(environment);
      expect(values['availability_zones']).toHaveLength(2);
    },
  );

  it('sizes production above staging from values alone', () => {
    const [staging, production] = environments.map(environmentValues);
    expect(staging?.['db_multi_az']).toBe(false);
    expect(production?.['db_multi_az']).toBe(true);
    expect(production?.['deletion_protection']).toBe(true);
    expect(staging?.['vpc_cidr']).not.toBe(production?.['vpc_cidr']);
    expect(staging?.['artifacts_bucket_name']).not.toBe(production?.['artifacts_bucket_name']);
  });

  it('passes every stack variable through from the root', () => {
    const stackRequired = namedBlocks(files, 'variable')
      .filter((block) => block.file.dir === 'modules/stack' && !('default' in block.body))
      .map((block) => block.name);
    const calls = namedBlocks(files, 'module').filter(
      (block) => block.file.dir === environmentsRoot,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body['source']).toBe('../modules/stack');
    expect(stackRequired.filter((name) => !(name in (calls[0]?.body ?? {})))).toEqual([]);
  });
});
