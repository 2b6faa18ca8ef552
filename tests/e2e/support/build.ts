// Builds the web app for browser tests into a private folder (not web/dist, which `npm run build`
// in other suites may empty at any moment), unless that build is newer than every web source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const web = path.join(repoRoot, 'web');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'svelte.config.js'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export const testWebDir = path.join(repoRoot, 'test-artifacts', 'e2e-web-dist');

export function ensureWebBuilt(): { built: boolean; ms: number; dir: string } {
  const started = Date.now();
  const shell = path.join(testWebDir, 'index.html');
  const sourcesChanged = Math.max(...sources.map((name) => newestMtime(path.join(web, name))));
  if (existsSync(shell) && statSync(shell).mtimeMs > sourcesChanged && assetsPresent(shell)) {
    return { built: false, ms: 0, dir: testWebDir };
  }
  // Built aside and moved into place, so a suite building at the same time never sees half a build.
  const aside = `${testWebDir}-${process.pid}-${Date.now()}`;
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      aside,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  rmSync(testWebDir, { recursive: true, force: true });
  try {
    renameSync(aside, testWebDir);
  } catch {
    // Another suite's build landed first: it is as new as this one.
    rmSync(aside, { recursive: true, force: true });
  }
  return { built: true, ms: Date.now() - started, dir: testWebDir };
}

/** Whether every script and style the shell names is there (another build may have emptied it). */
function assetsPresent(shell: string): boolean {
  const names = readFileSync(shell, 'utf8').match(/\/?assets\/[^"'\s>]+/g) ?? [];
  return names.every((name) => existsSync(path.join(testWebDir, name)));
}
