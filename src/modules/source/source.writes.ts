import { cypher, type Executor, type TransactionRunner } from '../../db/executor';
import type { NewSource } from '../../domain/source';
import type { WriteResult } from '../common/repository';
import { mapSource, type SourceData } from './source.mapper';

/**
 * A source as both ingestion and addSource write it: what the mapper reads back (its key is the
 * stored `id`), the keys of what it links to, and who added it (null for annotation files).
 */
export interface SourceRow extends Omit<SourceData, 'label' | 'retracted'> {
  publisherKey: string;
  interviewerKey: string | null;
  intervieweeKeys: string[];
  mentionKeys: string[];
  /** 'api' for a source added through the API; null (no property) for one from an annotation file. */
  origin: 'api' | null;
  addedBy: string | null;
}

/**
 * Creates or updates a source and replaces its outgoing links with the row's. Idempotent: running
 * it again with the same row changes nothing but `ingestedAt`.
 */
export const WRITE_SOURCE = cypher(
  'source.write',
  `WITH $row AS row
  MERGE (s:Source {id: row.key})
  WITH s, row, s.contentHash IS NOT NULL AS existed
  SET s += row {.title, .kind, .url, .publishedDateSource, .language, .text, .contentHash, .referenceOnly, .origin,
                .addedBy},
      s.name = row.title,
      s.length = toInteger(row.length), s.bodyStart = toInteger(row.bodyStart), s.bodyEnd = toInteger(row.bodyEnd),
      s.publishedDate = date(row.publishedDate),
      s.ingestedAt = datetime()
  WITH s, row, existed
  CALL (s) { MATCH (s)-[old:PUBLISHED_BY|INTERVIEW_CONDUCTED_BY|INTERVIEWS|MENTIONS]->() DELETE old }
  CALL (s, row) {
    MATCH (publisher:Organization {id: row.publisherKey})
    MERGE (s)-[:PUBLISHED_BY]->(publisher)
  }
  CALL (s, row) {
    MATCH (interviewer:Organization|Person {id: row.interviewerKey})
    MERGE (s)-[:INTERVIEW_CONDUCTED_BY]->(interviewer)
  }
  CALL (s, row) {
    UNWIND row.intervieweeKeys AS intervieweeKey
    MATCH (interviewee:Person {id: intervieweeKey})
    MERGE (s)-[:INTERVIEWS]->(interviewee)
  }
  CALL (s, row) {
    UNWIND row.mentionKeys AS mentionKey
    MATCH (entity:Place|Organization|Person|VirtualPresenter|Topic|Metric {id: mentionKey})
    MERGE (s)-[:MENTIONS]->(entity)
  }
  RETURN s AS node, existed`,
);

/** Writes a source within a caller's transaction; answers it as the mapper reads it, and whether it existed. */
export async function writeSource(
  tx: TransactionRunner,
  row: SourceRow,
): Promise<{ source: SourceData; existed: boolean }> {
  const [written] = await tx.run(WRITE_SOURCE, { row });
  return { source: mapSource(written?.get('node').properties), existed: written?.get('existed') === true };
}

/** Thrown inside addSource's transaction to roll back a write that met a source added meanwhile. */
class AddedMeanwhile extends Error {}

export const FIND_SOURCE_CONFLICTS = cypher(
  'source.findConflicts',
  `RETURN EXISTS { (:Source {id: $key}) } AS exists,
          EXISTS { (:Organization {id: $publisherKey}) } AS publisherExists`,
);

export type SourceWriteResult = WriteResult<SourceData> | { ok: false; exists: string };

export class SourceWriter {
  constructor(private readonly executor: Executor) {}

  /**
   * One transaction; a source with the same key (the same text) is reported, not overwritten, also
   * when another request adds it between the check and the write (MERGE then waits for that
   * request's lock and finds its node; the write is rolled back).
   */
  async create(source: NewSource, publisherKey: string, addedBy: string): Promise<SourceWriteResult> {
    const exists = { ok: false as const, exists: source.key };
    const write = this.executor.writeTransaction<SourceWriteResult>(async (tx) => {
      const [check] = await tx.run(FIND_SOURCE_CONFLICTS, { key: source.key, publisherKey });
      if (check?.get('exists')) return exists;
      if (!check?.get('publisherExists')) return { ok: false, missing: { what: 'Organization', key: publisherKey } };
      const row: SourceRow = {
        ...source,
        referenceOnly: false,
        publishedDateSource: null,
        publisherKey,
        interviewerKey: null,
        intervieweeKeys: [],
        mentionKeys: [],
        origin: 'api',
        addedBy,
      };
      const written = await writeSource(tx, row);
      if (written.existed) throw new AddedMeanwhile();
      return { ok: true, value: written.source };
    });
    return write.catch((error: unknown) => {
      if (error instanceof AddedMeanwhile) return exists;
      throw error;
    });
  }
}
