import { cypher, type Executor } from '../../db/executor';
import type { WriteResult } from '../common/repository';
import { mapSource, type SourceData } from './source.mapper';

export const FIND_SOURCE_CONFLICTS = cypher(
  'source.findConflicts',
  `RETURN EXISTS { (:Source {id: $key}) } AS exists,
          EXISTS { (:Organization {id: $publisherKey}) } AS publisherExists`,
);

export const CREATE_SOURCE = cypher(
  'source.create',
  `MATCH (publisher:Organization {id: $publisherKey})
  CREATE (s:Source {id: $source.key, name: $source.title, title: $source.title, kind: $source.kind, url: $source.url,
                    publishedDate: date($source.publishedDate), language: $source.language, text: $source.text,
                    contentHash: $source.contentHash, length: toInteger($source.length),
                    bodyStart: toInteger($source.bodyStart), bodyEnd: toInteger($source.bodyEnd),
                    origin: 'api', addedBy: $addedBy, ingestedAt: datetime()})
  CREATE (s)-[:PUBLISHED_BY]->(publisher)
  RETURN s AS node`,
);

export type NewSource = Omit<SourceData, 'label' | 'publishedDateSource'>;

export type SourceWriteResult = WriteResult<SourceData> | { ok: false; exists: string };

export class SourceWriter {
  constructor(private readonly executor: Executor) {}

  /** One transaction; a source with the same key (the same text) is reported, not overwritten. */
  create(source: NewSource, publisherKey: string, addedBy: string): Promise<SourceWriteResult> {
    return this.executor.writeTransaction(async (tx) => {
      const [check] = await tx.run(FIND_SOURCE_CONFLICTS, { key: source.key, publisherKey });
      if (check?.get('exists')) return { ok: false, exists: source.key };
      if (!check?.get('publisherExists')) return { ok: false, missing: { what: 'Organization', key: publisherKey } };
      const [created] = await tx.run(CREATE_SOURCE, { source, publisherKey, addedBy });
      return { ok: true, value: mapSource(created?.get('node').properties) };
    });
  }
}
