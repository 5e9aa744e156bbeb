import { cypher, type Executor, type TransactionRunner } from '../../db/executor';
import { apiClaimKey, claimName } from '../../domain/claim';
import type { Stance } from '../../domain/vocabulary';
import { appendEvent } from '../../events/outbox';
import type { WriteResult } from '../common/repository';
import { mapClaim, type Attribution, type ClaimData, type ClaimKind, type TextQuoteData } from './claim.mapper';

/**
 * Writes of claims and evidence. Ingestion and addClaim write claims through the same statement
 * (WRITE_CLAIMS); the API's writes each run in one transaction that first checks every referenced
 * node and writes nothing if one is missing.
 */

/** Which referenced nodes are missing, by kind; each check is an index lookup on its label. */
export const FIND_CLAIM_REFERENCES = cypher(
  'claim.findReferences',
  `RETURN
    [key IN $refs.sources WHERE NOT EXISTS { (:Source {id: key}) } | {what: 'Source', key: key}]
    + [key IN $refs.speakers WHERE NOT EXISTS { (:Person|Organization|VirtualPresenter {id: key}) } | {what: 'Speaker', key: key}]
    + [key IN $refs.roles WHERE NOT EXISTS { (:Role {id: key}) } | {what: 'Role', key: key}]
    + [key IN $refs.claims WHERE NOT EXISTS { (:Claim {id: key}) } | {what: 'Claim', key: key}]
    + [key IN $refs.figures WHERE NOT EXISTS { (:Figure {id: key}) } | {what: 'Figure', key: key}]
    + [key IN $refs.topics WHERE NOT EXISTS { (:Topic {id: key}) } | {what: 'Topic', key: key}]
    + [key IN $refs.metrics WHERE NOT EXISTS { (:Metric {id: key}) } | {what: 'Metric', key: key}] AS missing,
    all(key IN $refs.roles WHERE EXISTS { (:Person {id: $refs.speakers[0]})-[:HOLDS_ROLE]->(:Role {id: key}) })
      AS rolesBelongToSpeaker`,
);

/**
 * A claim as both ingestion and addClaim write it: what the mapper reads back, its caption, the
 * keys of what it links to, and who added it (null for annotation files). Its key is
 * "<source key>/<local key>".
 */
export interface ClaimRow extends Omit<ClaimData, 'label' | 'version' | 'retracted'> {
  name: string;
  /** The source the claim appears in: stored once, as the claim's APPEARS_IN relationship. */
  sourceKey: string;
  speakerKey: string;
  roleKey: string | null;
  figureKeys: string[];
  metricKeys: string[];
  targetKeys: string[];
  projectionKeys: string[];
  topicKeys: string[];
  causeKeys: string[];
  effectKeys: string[];
  /** 'api' for a claim added through the API; null (no property) for one from an annotation file. */
  origin: 'api' | null;
  addedBy: string | null;
}

/** Creates or updates claims with their links; the links a claim had before are the caller's to clear. */
export const WRITE_CLAIMS = cypher(
  'claim.write',
  `UNWIND $rows AS row
  MERGE (c:Claim {id: row.key})
  SET c += row {.name, .text, .kind, .attribution, .origin, .addedBy},
      c.quote = row.quote.exact, c.quoteStart = toInteger(row.quote.start), c.quoteEnd = toInteger(row.quote.end),
      c.quotePrefix = row.quote.prefix, c.quoteSuffix = row.quote.suffix,
      c.addedAt = CASE WHEN row.origin IS NULL THEN c.addedAt ELSE datetime() END
  WITH c, row
  MATCH (source:Source {id: row.sourceKey})
  MATCH (speaker:Person|Organization|VirtualPresenter {id: row.speakerKey})
  MERGE (c)-[:APPEARS_IN]->(source)
  MERGE (c)-[:SAID_BY]->(speaker)
  WITH c, row
  CALL (c, row) {
    MATCH (role:Role {id: row.roleKey})
    MERGE (c)-[:SPOKEN_AS]->(role)
  }
  CALL (c, row) {
    UNWIND row.figureKeys AS key MATCH (figure:Figure {id: key}) MERGE (c)-[:CITES]->(figure)
  }
  CALL (c, row) {
    UNWIND row.metricKeys AS key MATCH (metric:Metric {id: key}) MERGE (c)-[:ABOUT_METRIC]->(metric)
  }
  CALL (c, row) {
    UNWIND row.targetKeys AS key MATCH (target:Target {id: key}) MERGE (c)-[:STATES]->(target)
  }
  CALL (c, row) {
    UNWIND row.projectionKeys AS key MATCH (projection:Projection {id: key}) MERGE (c)-[:STATES]->(projection)
  }
  CALL (c, row) {
    UNWIND row.topicKeys AS key MATCH (topic:Topic {id: key}) MERGE (c)-[:ABOUT]->(topic)
  }
  CALL (c, row) {
    UNWIND row.causeKeys AS key MATCH (topic:Topic {id: key}) MERGE (c)-[:NAMES_CAUSE]->(topic)
  }
  CALL (c, row) {
    UNWIND row.effectKeys AS key MATCH (topic:Topic {id: key}) MERGE (c)-[:NAMES_EFFECT]->(topic)
  }
  RETURN c AS node`,
);

/** Writes claims within a caller's transaction; answers them as the mapper reads them. */
export async function writeClaims(tx: TransactionRunner, rows: readonly ClaimRow[]): Promise<ClaimData[]> {
  const written = await tx.run(WRITE_CLAIMS, { rows });
  return written.map((record) => mapClaim(record.get('node').properties));
}

export interface EvidenceRow {
  fromKey: string;
  toKey: string;
  stance: Stance;
}

/** Evidence an annotation file states (origin 'annotation'); API evidence is LINK_*_EVIDENCE below. */
export const LINK_ANNOTATED_EVIDENCE = cypher(
  'claim.linkAnnotatedEvidence',
  `UNWIND $rows AS row
  MATCH (from:Claim {id: row.fromKey})
  MATCH (to:Claim {id: row.toKey})
  CALL (from, to, row) {
    WITH * WHERE row.stance = 'SUPPORTS'
    MERGE (from)-[:SUPPORTS {origin: 'annotation'}]->(to)
  }
  CALL (from, to, row) {
    WITH * WHERE row.stance = 'CONTRADICTS'
    MERGE (from)-[:CONTRADICTS {origin: 'annotation'}]->(to)
  }`,
);

/**
 * API evidence is one link per user, stance and pair: submitting it again updates the note
 * instead of piling up copies, and annotation links (origin 'annotation') are never touched.
 */
const linkEvidence = (type: Stance) =>
  cypher(
    `claim.link${type === 'SUPPORTS' ? 'Supporting' : 'Contradicting'}Evidence`,
    `MATCH (claim:Claim {id: $claimKey})
    MATCH (evidence:Claim|Figure {id: $evidenceKey})
    MERGE (evidence)-[link:${type} {origin: 'api', addedBy: $addedBy}]->(claim)
    SET link.note = $note, link.addedAt = datetime()
    RETURN claim AS node`,
  );

export const LINK_SUPPORTING_EVIDENCE = linkEvidence('SUPPORTS');
export const LINK_CONTRADICTING_EVIDENCE = linkEvidence('CONTRADICTS');

export interface NewClaim {
  sourceKey: string;
  text: string;
  kind: ClaimKind;
  attribution: Attribution;
  speakerKey: string;
  roleKey: string | null;
  quote: TextQuoteData;
  figureKeys: string[];
  topicKeys: string[];
  metricKeys: string[];
  addedBy: string;
}

export interface NewEvidence {
  claimKey: string;
  evidenceKey: string;
  evidenceLabel: 'Claim' | 'Figure';
  stance: Stance;
  note: string | null;
  addedBy: string;
}

interface References {
  sources?: string[];
  speakers?: string[];
  roles?: string[];
  claims?: string[];
  figures?: string[];
  topics?: string[];
  metrics?: string[];
}

type Missing = { what: string; key: string };

const EMPTY_REFERENCES: Required<References> = {
  sources: [],
  speakers: [],
  roles: [],
  claims: [],
  figures: [],
  topics: [],
  metrics: [],
};

export class ClaimWriter {
  constructor(private readonly executor: Executor) {}

  create(input: NewClaim): Promise<WriteResult<ClaimData>> {
    const references: References = {
      sources: [input.sourceKey],
      speakers: [input.speakerKey],
      roles: input.roleKey ? [input.roleKey] : [],
      figures: input.figureKeys,
      topics: input.topicKeys,
      metrics: input.metricKeys,
    };
    return this.executor.writeTransaction(async (tx) => {
      const [check] = await tx.run(FIND_CLAIM_REFERENCES, { refs: { ...EMPTY_REFERENCES, ...references } });
      const missing = (check?.get('missing') as Missing[] | undefined) ?? [];
      if (missing[0]) return { ok: false, missing: missing[0] };
      if (!check?.get('rolesBelongToSpeaker')) {
        return { ok: false, missing: { what: 'Role held by the speaker', key: input.roleKey ?? '' } };
      }
      const { addedBy, ...claim } = input;
      const row: ClaimRow = {
        ...claim,
        key: apiClaimKey(input.sourceKey),
        name: claimName(input.text),
        targetKeys: [],
        projectionKeys: [],
        causeKeys: [],
        effectKeys: [],
        origin: 'api',
        addedBy,
      };
      const [created] = await writeClaims(tx, [row]);
      if (!created) throw new Error('the checked claim was not written');
      await appendEvent(tx, {
        kind: 'CLAIM_ADDED',
        claimKey: created.key,
        sourceKey: input.sourceKey,
        speakerKey: input.speakerKey,
        claimKind: input.kind,
        topicKeys: input.topicKeys,
      });
      return { ok: true, value: created };
    });
  }

  linkEvidence(input: NewEvidence): Promise<WriteResult<ClaimData>> {
    return this.executor.writeTransaction(async (tx) => {
      const evidence = input.evidenceLabel === 'Claim' ? 'claims' : 'figures';
      const references = { ...EMPTY_REFERENCES, claims: [input.claimKey] };
      references[evidence] = [...references[evidence], input.evidenceKey];
      const [check] = await tx.run(FIND_CLAIM_REFERENCES, { refs: references });
      const missing = (check?.get('missing') as Missing[] | undefined) ?? [];
      if (missing[0]) return { ok: false, missing: missing[0] };
      const query = input.stance === 'SUPPORTS' ? LINK_SUPPORTING_EVIDENCE : LINK_CONTRADICTING_EVIDENCE;
      const [linked] = await tx.run(query, { ...input });
      await appendEvent(tx, { kind: 'EVIDENCE_LINKED', claimKey: input.claimKey, subjectKey: input.evidenceKey });
      return { ok: true, value: mapClaim(linked?.get('node').properties) };
    });
  }
}
