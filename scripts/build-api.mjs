// Compiles the API and kitchen to dist/ and copies the SQL migrations beside them.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
cpSync('api/store/migrations', 'dist/api/store/migrations', { recursive: true });
console.log('built dist/');
