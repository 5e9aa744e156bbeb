import { Router } from 'express';

import type { Executor } from '../db/executor';
import { logger } from '../logger';
import { readSourceExport } from './source-export.repository';
import { toSourceJsonLd } from './source-jsonld';

/**
 * GET /sources/{id}.jsonld: a source's graph as JSON-LD (schema.org + W3C Web Annotation +
 * PROV-O). `id` is the source's stored id, as in the annotation file.
 */
export function exportRouter(executor: Executor): Router {
  const router = Router();
  router.get('/sources/:file', async (request, response) => {
    const match = /^([a-z0-9-]{1,200})\.jsonld$/.exec(request.params.file);
    if (!match) {
      response.status(404).json({ error: 'not found: use /sources/<source id>.jsonld' });
      return;
    }
    try {
      const exported = await readSourceExport(executor, match[1] as string);
      if (!exported) {
        response.status(404).json({ error: `source "${match[1]}" was not found` });
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
