import { Router } from 'express';

import type { Executor } from '../db/executor';
import { logger } from '../logger';
import { parseGlobalId } from '../modules/common/global-id';
import { readSourceExport } from './source-export.repository';
import { toSourceJsonLd } from './source-jsonld';

/**
 * The stored id a path names: the API's global id of a Source (what Source.id and Source.exportUrl
 * give), or the stored id itself, as in the annotation file. Undefined for anything else.
 */
export function sourceKeyOf(id: string): string | undefined {
  const global = parseGlobalId(id);
  if (global?.type === 'Source') return global.key;
  return /^[a-z0-9-]{1,200}$/.test(id) ? id : undefined;
}

/**
 * GET /sources/{id}.jsonld: a source's graph as JSON-LD (schema.org + W3C Web Annotation +
 * PROV-O). `id` is the source's global id or its stored id.
 */
export function exportRouter(executor: Executor): Router {
  const router = Router();
  router.get('/sources/:file', async (request, response) => {
    const match = /^([A-Za-z0-9_-]{1,400})\.jsonld$/.exec(request.params.file);
    const key = match ? sourceKeyOf(match[1] as string) : undefined;
    if (key === undefined) {
      response.status(404).json({ error: 'not found: use /sources/<source id>.jsonld' });
      return;
    }
    try {
      const exported = await readSourceExport(executor, key);
      if (!exported) {
        response.status(404).json({ error: `source "${match?.[1]}" was not found` });
        return;
      }
      response.type('application/ld+json').send(JSON.stringify(toSourceJsonLd(exported), null, 2));
    } catch (error) {
      logger.error('JSON-LD export failed', { error });
      response.status(503).json({ error: 'the export is unavailable; try again shortly' });
    }
  });
  return router;
}
