import { cypher, type Executor, type TransactionRunner } from '../../db/executor';
import type { Properties } from '../../db/values';
import { relatedByKeys } from '../common/repository';
import { mapRevision, type RevisionData } from './history.mapper';

/**
 * Versions of claims and figures (docs/model.md#versions-and-history). The live node is the current
 * state and carries `version`; every version is an immutable (:Revision) holding a copy of the live
 * node's properties at that version, with who recorded it, when and why, linked by REVISION_OF.
 * Version 1 (what ingestion or addClaim wrote) is copied lazily, by the first change.
 */
export type VersionedLabel = 'Claim' | 'Figure';

/**
 * Locks the live node before reading its version: the first SET takes the node's write lock, so a
 * racing writer waits here until this transaction ends and then reads the version it committed.
 * Without it both would read the same version and the second would silently overwrite the first.
 */
const lockStatement = (label: VersionedLabel, context: string) =>
  cypher(
    `history.lock${label}`,
    `MATCH (n:${label} {id: $key})
    SET n._lock = true
    WITH n
    ${context}
    RETURN properties(n) AS live, coalesce(n.addedAt, source.ingestedAt) AS firstRecordedAt, facts`,
  );

/** A claim with the time its source was written (for version 1). */
export const LOCK_CLAIM = lockStatement(
  'Claim',
  `OPTIONAL MATCH (n)-[:APPEARS_IN]->(source:Source)
  WITH n, source, {} AS facts`,
);

/** A figure with what the figure rules need: its metric's unit, its level's metric, its inputs and its source's date. */
export const LOCK_FIGURE = lockStatement(
  'Figure',
  `OPTIONAL MATCH (source:Source {id: n.sourceId})
  WITH n, source, {
    metricKey: head(COLLECT { MATCH (n)-[:MEASURES]->(m:Metric) RETURN m.id }),
    metricUnit: head(COLLECT { MATCH (n)-[:MEASURES]->(m:Metric) RETURN m.unit }),
    levelMetricKey: head(COLLECT { MATCH (n)-[:CHANGE_OF]->(:Figure)-[:MEASURES]->(m:Metric) RETURN m.id }),
    inputDecimals: COLLECT {
      MATCH (n)-[d:DERIVED_FROM]->(input) RETURN coalesce(input.decimal, toString(input.value)) ORDER BY d.position
    },
    publishedDate: toString(source.publishedDate)
  } AS facts`,
);

const revisionStatement = (label: VersionedLabel) =>
  cypher(
    `history.revise${label}`,
    `MATCH (n:${label} {id: $key})
    CALL (n) {
      WITH n WHERE n.version IS NULL
      CREATE (first:Revision)-[:REVISION_OF]->(n)
      SET first = properties(n),
          first.id = n.id + '@1', first.subjectId = n.id, first.subjectLabel = $label, first.version = 1,
          first.recordedAt = $firstRecordedAt, first.agent = coalesce(n.addedBy, 'ingestion'),
          first.agentRole = null, first.reason = null, first.changed = []
      REMOVE first._lock
    }
    SET n += $changes, n.version = toInteger($version)
    REMOVE n._lock
    CREATE (revision:Revision)-[:REVISION_OF]->(n)
    SET revision = properties(n),
        revision.id = n.id + '@' + toString($version), revision.subjectId = n.id, revision.subjectLabel = $label,
        revision.recordedAt = datetime(), revision.agent = $agent, revision.agentRole = $agentRole,
        revision.reason = $reason, revision.changed = $changed
    RETURN n AS node`,
  );

export const REVISE_CLAIM = revisionStatement('Claim');
export const REVISE_FIGURE = revisionStatement('Figure');

/** Every version of each subject, newest first. */
export const HISTORIES = cypher(
  'history.ofKeys',
  `UNWIND $keys AS key
  MATCH (node:Revision {subjectId: key})
  RETURN key, node ORDER BY node.version DESC`,
);

const FIRST_RECORDED = {
  Claim: 'head(COLLECT { MATCH (n)-[:APPEARS_IN]->(s:Source) RETURN s.ingestedAt })',
  Figure: 'head(COLLECT { MATCH (s:Source {id: n.sourceId}) RETURN s.ingestedAt })',
};

/**
 * The version valid at $asOf: the newest revision recorded at or before it (an index seek on
 * (subjectId, recordedAt); a version 1 of unknown time counts from the start); with no revision at
 * all, the live node is the only version, written when `firstRecordedAt` says.
 */
const asOfStatement = (label: VersionedLabel) =>
  cypher(
    `history.asOf${label}`,
    `MATCH (n:${label} {id: $key})
    RETURN
      head(COLLECT {
        MATCH (r:Revision {subjectId: $key}) WHERE r.recordedAt <= datetime($asOf) OR r.recordedAt IS NULL
        RETURN properties(r) ORDER BY r.version DESC LIMIT 1
      }) AS revision,
      EXISTS { MATCH (:Revision {subjectId: $key}) } AS revised,
      coalesce(n.addedAt, ${FIRST_RECORDED[label]}) AS firstRecordedAt`,
  );

export const AS_OF_CLAIM = asOfStatement('Claim');
export const AS_OF_FIGURE = asOfStatement('Figure');

export interface AsOfResult {
  /** The revision valid then; null when there is none (never revised, or asOf before version 1). */
  revision: Properties | null;
  revised: boolean;
  /** When the live node was first written, when known (an ISO date-time). */
  firstRecordedAt: string | null;
}

export interface LockedNode {
  live: Properties;
  firstRecordedAt: unknown;
  facts: Properties;
}

export interface Revision {
  label: VersionedLabel;
  key: string;
  version: number;
  changes: Properties;
  firstRecordedAt: unknown;
  agent: string;
  agentRole: string;
  reason: string;
}

/** Locks and reads the live node inside the caller's write transaction; undefined if there is none. */
export async function lockLive(tx: TransactionRunner, label: VersionedLabel, key: string) {
  const [record] = await tx.run(label === 'Claim' ? LOCK_CLAIM : LOCK_FIGURE, { key });
  if (!record) return undefined;
  return {
    live: record.get('live') as Properties,
    firstRecordedAt: record.get('firstRecordedAt'),
    facts: record.get('facts') as Properties,
  } satisfies LockedNode;
}

/** Applies `changes` to the locked live node and records the new version; answers the live node. */
export async function writeRevision(tx: TransactionRunner, revision: Revision): Promise<Properties> {
  const { label, changes, ...params } = revision;
  const [record] = await tx.run(label === 'Claim' ? REVISE_CLAIM : REVISE_FIGURE, {
    ...params,
    label,
    changes,
    changed: Object.keys(changes).sort(),
  });
  if (!record) throw new Error(`the locked ${label} ${revision.key} was not revised`);
  return (record.get('node') as { properties: Properties }).properties;
}

export class HistoryRepository {
  constructor(private readonly executor: Executor) {}

  histories(keys: readonly string[]): Promise<RevisionData[][]> {
    return relatedByKeys(this.executor, HISTORIES, keys, mapRevision);
  }

  /** What was stored at `asOf`; undefined when the subject does not exist. */
  async asOf(label: VersionedLabel, key: string, asOf: string): Promise<AsOfResult | undefined> {
    const [record] = await this.executor.read(label === 'Claim' ? AS_OF_CLAIM : AS_OF_FIGURE, { key, asOf });
    if (!record) return undefined;
    const first = record.get('firstRecordedAt') as { toString(): string } | null;
    return {
      revision: (record.get('revision') as Properties | null) ?? null,
      revised: record.get('revised') === true,
      firstRecordedAt: first === null ? null : first.toString(),
    };
  }
}
