// Fails when web/src/gql is stale: regenerates the typed operations in memory and compares them with
// what is committed (run `npm run codegen` to fix).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { repoRoot } from './support/build.js';

const outputDir = 'web/src/gql/';

describe('generated GraphQL types', () => {
  it('match the schema and the operations in web/src (npm run codegen)', async () => {
    const files = (await generate(
      { ...config, cwd: repoRoot, silent: true, verbose: false },
      false,
    )) as {
      filename: string;
      content: string;
    }[];
    const generated = new Map(
      files.map((file) => [
        path.relative(path.join(repoRoot, outputDir), path.resolve(repoRoot, file.filename)),
        file.content,
      ]),
    );
    const committed = readdirSync(path.join(repoRoot, outputDir)).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, content] of generated) {
      const onDisk = readFileSync(path.join(repoRoot, outputDir, name), 'utf8');
      expect(onDisk, `${outputDir}${name} is stale: run npm run codegen`).toBe(content);
    }
  }, 60_000);
});
