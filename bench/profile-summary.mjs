// node bench/profile-summary.mjs FILE.cpuprofile: self time by package / file and top functions.
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const groups = new Map();
const functions = new Map();
const groupOf = (url) => {
  if (!url) return '(native/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('/dist/')) return `service ${url.slice(url.indexOf('/dist/') + 1)}`;
  return url.startsWith('node:') ? 'node core' : url;
};
for (const [id, time] of self) {
  const frame = byId.get(id).callFrame;
  const group =
    frame.functionName === '(idle)'
      ? '(idle)'
      : frame.functionName === '(garbage collector)'
        ? '(gc)'
        : groupOf(frame.url);
  groups.set(group, (groups.get(group) ?? 0) + time);
  const key = `${frame.functionName || '(anonymous)'} ${groupOf(frame.url)}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
}
const pct = (t) => `${((t / total) * 100).toFixed(1)}%`;
console.log('self time by package/file:');
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(t).padStart(6)}  ${g}`);
console.log('top functions:');
for (const [f, t] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`  ${pct(t).padStart(6)}  ${f}`);
