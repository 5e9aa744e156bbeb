// npm run bench:extract: how long a draft takes (a 5,000-character article, after warm-up) and
// how long the draft CLI takes to start and draft the seed article. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { draftAnnotation } = require(path.join(root, 'dist/extract/draft.js'));

const texts = [
  'interview-port-electrification',
  'agency-battery-exports',
  'several-speakers-water',
  'year-earlier-steel',
];
const paragraphs = texts.flatMap((name) => {
  const text = readFileSync(path.join(root, 'tests/extraction/texts', `${name}.txt`), 'utf8');
  return text.split('\n').filter((line) => line.split(' ').length > 8);
});
let article = '';
for (let i = 0; article.length < 5000; i += 1) article += `${paragraphs[i % paragraphs.length]}\n\n`;
article = article.slice(0, article.lastIndexOf('\n\n', 5000));

const meta = { title: 'Benchmark', publisher: 'CGTN', publishedDate: '2024-05-14' };
const run = () =>
  draftAnnotation({
    name: 'bench',
    text: article,
    meta,
    textFile: 'bench.txt',
    metaFile: 'bench.meta.json',
    known: [],
  });
for (let i = 0; i < 5; i += 1) run();
const times = [];
for (let i = 0; i < 20; i += 1) {
  const started = performance.now();
  run();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(
  `draft of a ${article.length}-character article after warm-up: median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms (goal < 200 ms)`,
);

const cliTimes = [];
for (let i = 0; i < 3; i += 1) {
  const started = performance.now();
  execFileSync(
    'node',
    [path.join(root, 'dist/extract/cli.js'), path.join(root, 'seed/cgtn-tech-talk-nev-software-charging.txt')],
    { stdio: 'ignore' },
  );
  cliTimes.push(performance.now() - started);
}
cliTimes.sort((a, b) => a - b);
console.log(`CLI start and draft of the seed article: median ${cliTimes[1].toFixed(0)} ms (goal < 2000 ms)`);
