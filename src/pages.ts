import fs from 'node:fs';
import path from 'node:path';

import express from 'express';

import type { Config } from './config';

const ROOT = path.resolve(__dirname, '..');
/** Built by `npm run build:web` (web/build.mjs); git-ignored. */
export const WEB_DIRECTORY = path.join(ROOT, 'dist', 'web');
/** The Neo4j Browser style sheet and guide, committed as they are. */
export const NEO4J_BROWSER_DIRECTORY = path.join(ROOT, 'neo4j', 'browser');
/** Where the service serves them; scripts/neo4j.mjs points the local Neo4j's post-connect command here. */
export const NEO4J_BROWSER_PATH = '/neo4j-browser';

const notBuilt = (page: string) =>
  `<!doctype html><meta charset="utf-8"><title>${page} is not built</title>` +
  `<p>${page} is not built: run <code>npm run build:web</code> (or <code>npm run build</code>) and reload.</p>`;

/** Static files of one built page, or a page that says how to build them. */
function builtPage(name: string, title: string): express.Handler[] {
  const directory = path.join(WEB_DIRECTORY, name);
  return [
    express.static(directory, { index: 'index.html', fallthrough: true }),
    (request, response, next) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      if (fs.existsSync(path.join(directory, 'index.html'))) return next();
      response.status(503).type('html').send(notBuilt(title));
    },
  ];
}

/** True for a browser navigating to a URL (it asks for HTML first), false for a GraphQL client. */
function wantsHtml(request: express.Request): boolean {
  const accepts = request.accepts(['application/json', 'application/graphql-response+json', 'text/html']);
  return accepts === 'text/html' && request.query.query === undefined;
}

/**
 * The pages for people, mounted before /graphql:
 * - /ide: GraphiQL from npm with the examples of docs/queries/ preloaded (works offline);
 * - GET /graphql from a browser: the same IDE, unless GRAPHQL_IDE=apollo keeps Apollo's landing page;
 * - /explore: the lineage explorer, which uses only the public GraphQL API, and its reader at
 *   /explore/sources/<id>;
 * - /neo4j-browser/style.grass and guide.html: the Neo4j Browser style and guide, readable
 *   from the Browser's own origin (it fetches them with XMLHttpRequest).
 */
export function mountPages(app: express.Express, config: Pick<Config, 'graphqlIde'>): void {
  app.use('/ide', ...builtPage('ide', 'The GraphQL IDE'));
  app.use('/explore', ...builtPage('explore', 'The lineage explorer'));
  // The reader is linkable: /explore/sources/<global id> is the same page, which reads the path.
  app.get('/explore/sources/:id', (_request, response) => {
    const index = path.join(WEB_DIRECTORY, 'explore', 'index.html');
    if (!fs.existsSync(index)) return void response.status(503).type('html').send(notBuilt('The lineage explorer'));
    response.sendFile(index);
  });
  app.use(
    NEO4J_BROWSER_PATH,
    (request, response, next) => {
      // Public, read-only files: any origin may read them. The Browser asks for guides with
      // Pragma and Cache-Control headers, so it sends a preflight first.
      response.setHeader('Access-Control-Allow-Origin', '*');
      if (request.method !== 'OPTIONS') return next();
      response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', request.get('access-control-request-headers') ?? '');
      response.setHeader('Access-Control-Max-Age', '600');
      response.status(204).end();
    },
    express.static(NEO4J_BROWSER_DIRECTORY, {
      index: false,
      setHeaders: (response, file) => {
        if (file.endsWith('.grass')) response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      },
    }),
  );
  if (config.graphqlIde === 'graphiql') {
    app.get('/graphql', (request, response, next) => {
      if (!wantsHtml(request)) return next();
      const index = path.join(WEB_DIRECTORY, 'ide', 'index.html');
      if (!fs.existsSync(index)) return void response.status(503).type('html').send(notBuilt('The GraphQL IDE'));
      response.sendFile(index);
    });
  }
}
