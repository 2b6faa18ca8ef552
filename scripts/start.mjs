// `npm start`: builds what is missing or stale (API, web app), then runs the server (or, with --kitchen, the kitchen).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const kitchenOnly = process.argv.includes('--kitchen');

/** Newest modification time of the files under `dirs` (0 when none). */
function newest(dirs, filter = () => true) {
  let latest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (filter(full)) latest = Math.max(latest, statSync(full).mtimeMs);
    }
  };
  dirs.forEach(walk);
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
