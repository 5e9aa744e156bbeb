import type { Node as Neo4jNode } from 'neo4j-driver';

import { provenanceLinkRefusal, provenanceLinks, type ProvenanceLinkType } from '../../domain/provenance';
import { cypher, type CypherQuery, type Executor } from '../../db/executor';
import { mapEntity, type EntityData } from '../entities';
import type { WriteResult } from '../common/repository';

export interface ProvenanceLinkRequest {
  type: ProvenanceLinkType;
  from: { label: string; key: string };
  to: { label: string; key: string };
  /** RELAYED_BY only: where in the chain; null appends after the relays recorded. */
  position: number | null;
}

export interface ProvenanceLinkData {
  relation: ProvenanceLinkType;
  from: EntityData;
  to: EntityData;
  position: number | null;
}

const ends = (type: ProvenanceLinkType, match: 'MATCH' | 'OPTIONAL MATCH') =>
  `${match} (from:${provenanceLinks[type].from.join('|')} {id: $fromKey}) WHERE $fromLabel IN labels(from)
  ${match} (to:${provenanceLinks[type].to.join('|')} {id: $toKey}) WHERE $toLabel IN labels(to)`;

/**
 * Per link type (a constant of src/domain/provenance.ts, never input, so it may be written into
 * the text): what the rules need to know about the two ends, and the link itself, MERGEd so that
 * linking again changes nothing.
 */
const STATEMENTS = Object.fromEntries(
  (Object.keys(provenanceLinks) as ProvenanceLinkType[]).map((type) => [
    type,
    {
      context: cypher(
        `provenance.context${type}`,
        `${ends(type, 'OPTIONAL MATCH')}
        RETURN from IS NOT NULL AS fromExists, to IS NOT NULL AS toExists,
               head(COLLECT { MATCH (from)-[:PRODUCED_BY]->(p) RETURN p.id }) AS producerKey,
               EXISTS { (to)-[:REPUBLISHES|CITES*1..10]->(from) } AS closesLoop,
               COUNT { (from)-[:RELAYED_BY]->() } AS relayCount`,
      ),
      link: cypher(
        `provenance.link${type}`,
        `${ends(type, 'MATCH')}
        MERGE (from)-[link:${type}]->(to)
        ON CREATE SET link.origin = 'api', link.addedBy = $addedBy, link.addedAt = datetime(), link.position = toInteger($position)
        RETURN from, to, link.position AS position`,
      ),
    },
  ]),
) as Record<ProvenanceLinkType, { context: CypherQuery; link: CypherQuery }>;

export type ProvenanceLinkResult = WriteResult<ProvenanceLinkData> | { ok: false; refused: string };

export class ProvenanceWriter {
  constructor(private readonly executor: Executor) {}

  /** Checks both ends exist and the rules hold, then links them: one transaction, nothing written on refusal. */
  link(request: ProvenanceLinkRequest, addedBy: string): Promise<ProvenanceLinkResult> {
    const params = {
      fromKey: request.from.key,
      fromLabel: request.from.label,
      toKey: request.to.key,
      toLabel: request.to.label,
    };
    const statements = STATEMENTS[request.type];
    return this.executor.writeTransaction(async (tx) => {
      const [context] = await tx.run(statements.context, params);
      if (!context?.get('fromExists'))
        return { ok: false, missing: { what: request.from.label, key: request.from.key } };
      if (!context.get('toExists')) return { ok: false, missing: { what: request.to.label, key: request.to.key } };
      const refusal = provenanceLinkRefusal({
        type: request.type,
        fromKey: request.from.key,
        toKey: request.to.key,
        producerKey: context.get('producerKey') as string | null,
        closesLoop: context.get('closesLoop') as boolean,
      });
      if (refusal) return { ok: false, refused: refusal };
      const position =
        request.type === 'RELAYED_BY' ? (request.position ?? (context.get('relayCount') as number)) : null;
      const [linked] = await tx.run(statements.link, { ...params, position, addedBy });
      return {
        ok: true,
        value: {
          relation: request.type,
          from: mapEntity(linked?.get('from') as Neo4jNode),
          to: mapEntity(linked?.get('to') as Neo4jNode),
          position: (linked?.get('position') as number | null) ?? null,
        },
      };
    });
  }
}
