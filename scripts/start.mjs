// `npm start`: builds what is missing or stale (API, web app), then runs the server (or, with --kitchen, the kitchen).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const kitchenOnly = process.argv.includes('--kitchen');

/** Newest modification time of the files under `dirs` (0 when none). */
function newest(paths, filter = () => true) {
  let latest = 0;
  const walk = (entry) => {
    if (!existsSync(entry)) return;
    const info = statSync(entry);
    if (!info.isDirectory()) {
      if (filter(entry)) latest = Math.max(latest, info.mtimeMs);
      return;
    }
    for (const child of readdirSync(entry)) {
      if (child !== 'node_modules' && child !== 'dist') walk(path.join(entry, child));
    }
  };
  paths.forEach(walk);
  return latest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const npmRun = (script) =>
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], {
    stdio: 'inherit',
  });

const apiEntry = 'dist/api/main.js';
if (
  mtime(apiEntry) <
  newest(['api', 'kitchen'], (f) => /\.(ts|sql)$/.test(f) && !f.endsWith('.test.ts'))
) {
  console.log('orderly: building the API…');
  npmRun('build:api');
}
const webShell = 'web/dist/index.html';
if (
  !kitchenOnly &&
  existsSync('web/index.html') &&
  mtime(webShell) < newest(['web/src', 'web/public', 'web/index.html'].filter(existsSync))
) {
  console.log('orderly: building the web app…');
  npmRun('build:web');
}

await import(path.resolve(kitchenOnly ? 'dist/kitchen/main.js' : apiEntry));
