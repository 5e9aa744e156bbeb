#!/usr/bin/env node
// Builds the browser pages into dist/web/ (git-ignored): the GraphQL IDE (GraphiQL) with the
// example operations of docs/queries/ preloaded, and the lineage explorer. `npm run build:web`
// runs GraphQL Code Generator and type-checks web/ first (see package.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'web');
const queriesDir = path.join(root, 'docs', 'queries');

const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/** Variables that make each example run as it is against the seeded article. */
const EXAMPLE_VARIABLES = {
  ClaimLineage: {
    id: globalId('Claim', 'cgtn-2024-03-19-nev-software-charging/about-2-4-nevs-per-charging-station-end-2023'),
  },
  ClaimsPage: { first: 5, filter: { text: 'charging' } },
  MetricSeries: { id: globalId('Metric', 'nev-share-of-new-car-sales') },
  PersonClaims: { id: globalId('Person', 'miao-wei'), first: 5 },
  ReviewClaim: {
    input: {
      claim: globalId('Claim', 'cgtn-2024-03-19-nev-software-charging/about-2-4-nevs-per-charging-station-end-2023'),
      rating: 4,
      explanation: 'The quote matches the source; the figure is rounded.',
    },
  },
  Search: { query: 'charging', first: 5 },
};
const EXAMPLE_HEADERS = { ReviewClaim: { Authorization: 'Bearer dev-reviewer-token' } };
/** The lineage example opens first: it is the one the IDE is mostly used for. */
const ORDER = ['ClaimLineage', 'Search', 'ClaimsPage', 'MetricSeries', 'PersonClaims', 'ReviewClaim'];

function exampleTabs() {
  const names = fs
    .readdirSync(queriesDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => path.basename(file, '.graphql'))
    .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return names.map((name) => ({
    query: fs.readFileSync(path.join(queriesDir, `${name}.graphql`), 'utf8'),
    variables: JSON.stringify(EXAMPLE_VARIABLES[name] ?? {}, null, 2),
    ...(EXAMPLE_HEADERS[name] ? { headers: JSON.stringify(EXAMPLE_HEADERS[name], null, 2) } : {}),
  }));
}

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['chrome110', 'firefox110', 'safari16'],
  logLevel: 'warning',
  legalComments: 'linked',
};

fs.rmSync(out, { recursive: true, force: true });

await esbuild.build({
  ...common,
  entryPoints: { ide: path.join(root, 'web', 'ide', 'main.tsx') },
  outdir: path.join(out, 'ide'),
  jsx: 'automatic',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
  define: {
    __EXAMPLES__: JSON.stringify(exampleTabs()),
    'process.env.NODE_ENV': '"production"',
  },
});
fs.copyFileSync(path.join(root, 'web', 'ide', 'index.html'), path.join(out, 'ide', 'index.html'));

if (fs.existsSync(path.join(root, 'web', 'explore', 'main.ts'))) {
  await esbuild.build({
    ...common,
    entryPoints: { explore: path.join(root, 'web', 'explore', 'main.ts') },
    outdir: path.join(out, 'explore'),
  });
  for (const file of ['index.html', 'explore.css']) {
    fs.copyFileSync(path.join(root, 'web', 'explore', file), path.join(out, 'explore', file));
  }
}
console.log(`[web] built ${path.relative(root, out)}/`);
