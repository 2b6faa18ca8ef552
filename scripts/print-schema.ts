// Prints the Pothos schema as SDL into schema/schema.graphql (or checks it with --check).
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../api/graphql/schema/index.js';

const file = new URL('../schema/schema.graphql', import.meta.url);
const sdl = printSchema(lexicographicSortSchema(schema)) + '\n';

if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== sdl) {
    console.error('schema/schema.graphql is stale: run `npm run schema`');
    process.exit(1);
  }
} else {
  writeFileSync(file, sdl);
  console.log('wrote schema/schema.graphql');
}
