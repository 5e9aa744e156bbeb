import { randomUUID } from 'node:crypto';

import { cypher, type Executor } from '../../db/executor';
import { appendEvent } from '../../events/outbox';
import type { WriteResult } from '../common/repository';
import { mapClaim, type Attribution, type ClaimData, type ClaimKind, type TextQuoteData } from './claim.mapper';

/**
 * Writes that users make through the API. Each runs in one write transaction that first checks
 * every referenced node and writes nothing if one is missing.
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

export const CREATE_CLAIM = cypher(
  'claim.create',
  `MATCH (source:Source {id: $claim.sourceKey})
  MATCH (speaker:Person|Organization|VirtualPresenter {id: $speakerKey})
  CREATE (c:Claim {id: $claim.key, name: $claim.name, text: $claim.text, kind: $claim.kind,
                   attribution: $claim.attribution, sourceId: $claim.sourceKey, origin: 'api',
                   addedBy: $addedBy, addedAt: datetime(),
                   quote: $claim.quote.exact, quoteStart: toInteger($claim.quote.start),
                   quoteEnd: toInteger($claim.quote.end), quotePrefix: $claim.quote.prefix,
                   quoteSuffix: $claim.quote.suffix})
  CREATE (c)-[:APPEARS_IN]->(source)
  CREATE (c)-[:SAID_BY]->(speaker)
  WITH c
  CALL (c) { MATCH (role:Role {id: $roleKey}) CREATE (c)-[:SPOKEN_AS]->(role) }
  CALL (c) { UNWIND $figureKeys AS key MATCH (f:Figure {id: key}) CREATE (c)-[:CITES]->(f) }
  CALL (c) { UNWIND $topicKeys AS key MATCH (t:Topic {id: key}) CREATE (c)-[:ABOUT]->(t) }
  CALL (c) { UNWIND $metricKeys AS key MATCH (m:Metric {id: key}) CREATE (c)-[:ABOUT_METRIC]->(m) }
  RETURN c AS node`,
);

/**
 * API evidence is one link per user, stance and pair: submitting it again updates the note
 * instead of piling up copies, and annotation links (origin 'annotation') are never touched.
 */
const linkEvidence = (type: 'SUPPORTS' | 'CONTRADICTS') =>
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
  stance: 'SUPPORTS' | 'CONTRADICTS';
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
      const key = `${input.sourceKey}/api-${randomUUID()}`;
      const name = Array.from(input.text).length > 60 ? `${Array.from(input.text).slice(0, 59).join('')}…` : input.text;
      const [created] = await tx.run(CREATE_CLAIM, {
        claim: { ...input, key, name },
        speakerKey: input.speakerKey,
        roleKey: input.roleKey,
        figureKeys: input.figureKeys,
        topicKeys: input.topicKeys,
        metricKeys: input.metricKeys,
        addedBy: input.addedBy,
      });
      await appendEvent(tx, {
        kind: 'CLAIM_ADDED',
        claimKey: key,
        sourceKey: input.sourceKey,
        speakerKey: input.speakerKey,
        claimKind: input.kind,
        topicKeys: input.topicKeys,
      });
      return { ok: true, value: mapClaim(created?.get('node').properties) };
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
