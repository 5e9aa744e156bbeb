import { cypher, type Executor, type TransactionRunner } from '../../db/executor';
import { appendEvent } from '../../events/outbox';
import type { Properties } from '../../db/values';
import { ConflictError, FailedPreconditionError } from '../../errors';
import { lockLive, writeRevision, type LockedNode, type VersionedLabel } from './history.repository';
import { versionOf } from './retraction.mapper';

/** Who records a change and why; every version carries them. */
export interface ChangeAuthor {
  agent: string;
  agentRole: string;
  reason: string;
}

export interface VersionedChange extends ChangeAuthor {
  label: VersionedLabel;
  key: string;
  /** The version the caller read; null to apply to whatever is current (retractions). */
  expectedVersion: number | null;
  /** The properties to change, from the locked live node; throws a coded error to refuse. */
  compute(locked: LockedNode): Properties;
  /** What subscribers of the claim (or of every claim citing the figure) are told, in the same transaction. */
  event: 'CLAIM_CORRECTED' | 'CLAIM_RETRACTED' | 'FIGURE_CORRECTED';
}

const CLAIMS_CITING = cypher(
  'history.claimsCiting',
  'MATCH (:Figure {id: $key})<-[:CITES]-(c:Claim) RETURN c.id AS key ORDER BY key',
);

/** The outbox events of a change: for the claim itself, or for each claim citing the figure. */
async function appendChangeEvents(tx: TransactionRunner, change: VersionedChange): Promise<void> {
  if (change.label === 'Claim') {
    await appendEvent(tx, { kind: change.event, claimKey: change.key });
    return;
  }
  const citing = await tx.run(CLAIMS_CITING, { key: change.key });
  for (const record of citing) {
    await appendEvent(tx, { kind: change.event, claimKey: record.get('key') as string, subjectKey: change.key });
  }
}

/**
 * Writes a new version of a claim or figure in one transaction: lock the live node, check the
 * expected version, compute and validate the change against the state just locked, then apply it
 * and record the revision. Any refusal is thrown inside the transaction, so it rolls back and
 * nothing (not even the lock flag) is written. Answers the live node's new properties, or
 * undefined when there is no such node.
 */
export function writeVersion(executor: Executor, change: VersionedChange): Promise<Properties | undefined> {
  return executor.writeTransaction(async (tx) => {
    const locked = await lockLive(tx, change.label, change.key);
    if (!locked) return undefined;
    const current = versionOf(locked.live);
    if (change.expectedVersion !== null && change.expectedVersion !== current) {
      throw new ConflictError(
        `${change.label} is at version ${current}, not ${change.expectedVersion}: read it again and reapply the correction`,
        { currentVersion: current },
      );
    }
    const changes = change.compute(locked);
    const written = await writeRevision(tx, {
      label: change.label,
      key: change.key,
      version: current + 1,
      changes,
      firstRecordedAt: locked.firstRecordedAt,
      agent: change.agent,
      agentRole: change.agentRole,
      reason: change.reason,
    });
    await appendChangeEvents(tx, change);
    return written;
  });
}

/** A source's retraction mark; sources are not versioned, the mark is set once. */
export const RETRACT_SOURCE = cypher(
  'history.retractSource',
  `MATCH (s:Source {id: $key})
  SET s._lock = true
  WITH s, s.retractionReason IS NOT NULL AS already
  CALL (s, already) {
    WITH * WHERE NOT already
    SET s += $mark
  }
  REMOVE s._lock
  RETURN s AS node, already`,
);

/** Marks a source retracted; undefined when there is none. */
export function retractSource(executor: Executor, key: string, mark: Properties): Promise<Properties | undefined> {
  return executor.writeTransaction(async (tx) => {
    const [record] = await tx.run(RETRACT_SOURCE, { key, mark });
    if (!record) return undefined;
    if (record.get('already') === true) throw new FailedPreconditionError('the source is already retracted');
    return (record.get('node') as { properties: Properties }).properties;
  });
}
