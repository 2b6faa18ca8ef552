// Loads every Terraform file under infra/ through @cdktf/hcl2json and offers typed views of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { infraDir } from './paths.js';

export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };
export type HclObject = { [key: string]: HclValue };

export interface TerraformFile {
  /** Path relative to infra/. */
  path: string;
  /** Directory relative to infra/, i.e. the module or root the file belongs to. */
  dir: string;
  text: string;
  json: HclObject;
}

export interface Block {
  file: TerraformFile;
  /** Resource or data type, e.g. aws_security_group; the block kind for variables and outputs. */
  type: string;
  name: string;
  body: HclObject;
}

export function isObject(value: HclValue | undefined): value is HclObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objects(value: HclValue | undefined): HclObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function listFiles(dir: string, suffixes: string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === '.terraform') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...listFiles(path, suffixes));
    else if (suffixes.some((suffix) => entry.endsWith(suffix))) found.push(path);
  }
  return found.sort();
}

export async function parseHcl(path: string, text: string): Promise<HclObject> {
  return (await parse(path, text)) as HclObject;
}

export async function loadTerraform(suffixes = ['.tf']): Promise<TerraformFile[]> {
  const files: TerraformFile[] = [];
  for (const absolute of listFiles(infraDir, suffixes)) {
    const text = readFileSync(absolute, 'utf8');
    const path = relative(infraDir, absolute);
    files.push({ path, dir: dirname(path), text, json: await parseHcl(absolute, text) });
  }
  return files;
}

/** Blocks with two labels: resource "type" "name" and data "type" "name". */
export function labelledBlocks(
  files: TerraformFile[],
  kind: 'resource' | 'data',
  type?: string,
): Block[] {
  const blocks: Block[] = [];
  for (const file of files) {
    const byType = file.json[kind];
    if (!isObject(byType)) continue;
    for (const [blockType, byName] of Object.entries(byType)) {
      if ((type && blockType !== type) || !isObject(byName)) continue;
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of objects(bodies)) blocks.push({ file, type: blockType, name, body });
      }
    }
  }
  return blocks;
}

/** Blocks with one label: variable, output, module, provider. */
export function namedBlocks(
  files: TerraformFile[],
  kind: 'variable' | 'output' | 'module' | 'provider',
): Block[] {
  const blocks: Block[] = [];
  for (const file of files) {
    const byName = file.json[kind];
    if (!isObject(byName)) continue;
    for (const [name, bodies] of Object.entries(byName)) {
      for (const body of objects(bodies)) blocks.push({ file, type: kind, name, body });
    }
  }
  return blocks;
}

export function terraformSettings(
  files: TerraformFile[],
): { file: TerraformFile; body: HclObject }[] {
  return files.flatMap((file) => objects(file.json['terraform']).map((body) => ({ file, body })));
}

/** Whether an attribute is an expression (`${…}` in hcl2json's output) rather than a literal. */
export function isExpression(value: HclValue | undefined): value is string {
  return typeof value === 'string' && value.startsWith('${') && value.endsWith('}');
}

/** The resource name an expression such as `${aws_security_group.alb.id}` points at. */
export function referencedName(value: HclValue | undefined, type: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = new RegExp(`\\b${type}\\.([A-Za-z0-9_-]+)\\b`).exec(value);
  return match?.[1];
}
