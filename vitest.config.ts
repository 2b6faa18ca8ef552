import { defineConfig } from 'vitest/config';

/**
 * Tests that judge wall-clock time (the kitchen's real timers). `npm test` runs them after
 * everything else, on a quiet machine, away from the benchmark smoke run and the load tests.
 */
const TIMING = ['tests/kitchen/kitchen.test.ts'];
const EXCLUDE = ['**/node_modules/**', 'dist/**', 'web/dist/**', 'release/**'];

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (no "exports" map); Vite would pick the .mjs one.
    // Two copies of graphql-js cannot share a schema, so tests use the one Node and the libraries use.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['**/*.test.ts'], exclude: [...EXCLUDE, ...TIMING] },
      },
      { extends: true, test: { name: 'timing', include: TIMING, exclude: EXCLUDE } },
    ],
  },
});
