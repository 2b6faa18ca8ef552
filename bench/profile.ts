// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): where the time goes, by function
// (self time) and by package or source folder (self time summed).
//   npx tsx bench/profile.ts bench/results/profiles/CPU….cpuprofile [top=25]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) =>
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const local = /\/work\/[^/]+\/(?:[^/]+\/)*?((?:api|kitchen|bench)\/[^/]+)/.exec(url);
  return local ? local[1]! : url;
};
const functions = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const place = where(url);
  const name = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
  places.set(place, (places.get(place) ?? 0) + micros);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
// Inclusive time: a node's own samples plus its descendants', summed per function (once per stack).
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
  }
}
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('By package or folder (self time)', places);
show('By function (self time)', functions);
const ours = new Map([...inclusive].filter(([name]) => / (api|kitchen)\//.test(name)));
show('Our functions (inclusive time)', ours);
