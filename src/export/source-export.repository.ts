import type { Node as Neo4jNode } from 'neo4j-driver';

import { cypher, type Executor } from '../db/executor';
import type { Properties } from '../db/values';
import { mapClaim, type ClaimData } from '../modules/claim/claim.mapper';
import { mapEntity, type EntityData } from '../modules/entities';
import { mapFigure, type FigureData } from '../modules/figure/figure.mapper';
import { mapMetric, type MetricData } from '../modules/metric/metric.mapper';
import { mapOrganization, type OrganizationData } from '../modules/organization/organization.mapper';
import { mapRole, type RoleData } from '../modules/person/person.mapper';
import { mapReview, type ReviewData } from '../modules/review/review.mapper';
import { mapSource, type SourceData } from '../modules/source/source.mapper';

/**
 * Everything one source says, in one statement: its claims with speakers, roles, figures, evidence
 * and reviews; the provenance of its claims and figures (producers, relays, a derived figure's
 * inputs); and the sources it republishes or cites, with their publishers.
 */
export const SOURCE_GRAPH = cypher(
  'export.sourceGraph',
  `MATCH (s:Source {id: $key})
  OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(publisher:Organization)
  CALL (s) {
    MATCH (c:Claim)-[:APPEARS_IN]->(s)
    OPTIONAL MATCH (c)-[:SAID_BY]->(speaker)
    OPTIONAL MATCH (c)-[:SPOKEN_AS]->(role:Role)
    RETURN collect({
      claim: c, speaker: speaker, role: role,
      figures: COLLECT { MATCH (c)-[:CITES]->(f:Figure) RETURN f.id },
      evidence: COLLECT { MATCH (e:Claim|Figure)-[l:SUPPORTS|CONTRADICTS]->(c) RETURN {key: e.id, label: labels(e)[0], stance: type(l)} },
      reviews: COLLECT { MATCH (r:Review)-[:REVIEWS]->(c) RETURN r },
      producers: COLLECT { MATCH (c)-[:PRODUCED_BY]->(p:Organization|Source) RETURN p ORDER BY p.id },
      relays: COLLECT { MATCH (c)-[l:RELAYED_BY]->(a) RETURN a ORDER BY l.position }
    }) AS claims
  }
  CALL (s) {
    MATCH (f:Figure)-[:REPORTED_IN]->(s)
    OPTIONAL MATCH (f)-[:MEASURES]->(m:Metric)
    RETURN collect({
      figure: f, metric: m,
      producers: COLLECT { MATCH (f)-[:PRODUCED_BY]->(p:Organization|Source) RETURN p ORDER BY p.id },
      relays: COLLECT { MATCH (f)-[l:RELAYED_BY]->(a) RETURN a ORDER BY l.position },
      inputs: COLLECT { MATCH (f)-[l:DERIVED_FROM]->(i:Figure) RETURN i.id ORDER BY l.position }
    }) AS figures
  }
  CALL (s) {
    MATCH (s)-[l:REPUBLISHES|CITES]->(earlier:Source)
    RETURN collect({
      relation: type(l), source: earlier,
      publisher: head(COLLECT { MATCH (earlier)-[:PUBLISHED_BY]->(o:Organization) RETURN o })
    }) AS earlier
  }
  RETURN s, publisher, claims, figures, earlier`,
);

/** Who a claim or figure rests on: who produced its data and who passed it on. */
export interface ExportedProvenance {
  producers: EntityData[];
  relays: EntityData[];
}

export interface ExportedClaim extends ExportedProvenance {
  claim: ClaimData;
  speaker: EntityData | null;
  role: RoleData | null;
  figureKeys: string[];
  evidence: { key: string; label: string; stance: string }[];
  reviews: ReviewData[];
}

export interface SourceExport {
  source: SourceData;
  publisher: OrganizationData | null;
  claims: ExportedClaim[];
  figures: ExportedFigure[];
  /** Sources this one republishes or cites. */
  earlier: { relation: 'REPUBLISHES' | 'CITES'; source: SourceData; publisher: OrganizationData | null }[];
}

export interface ExportedFigure extends ExportedProvenance {
  figure: FigureData;
  metric: MetricData | null;
  /** A derived figure's inputs, in order. */
  inputKeys: string[];
}

const props = (node: Neo4jNode) => node.properties as Properties;

type ProvenanceRow = { producers: Neo4jNode[]; relays: Neo4jNode[] };

const mapProvenance = (row: ProvenanceRow): ExportedProvenance => ({
  producers: row.producers.map(mapEntity),
  relays: row.relays.map(mapEntity),
});

export async function readSourceExport(executor: Executor, key: string): Promise<SourceExport | undefined> {
  const [record] = await executor.read(SOURCE_GRAPH, { key });
  if (!record) return undefined;
  const publisher = record.get('publisher') as Neo4jNode | null;
  type ClaimRow = {
    claim: Neo4jNode;
    speaker: Neo4jNode | null;
    role: Neo4jNode | null;
    figures: string[];
    evidence: ExportedClaim['evidence'];
    reviews: Neo4jNode[];
  } & ProvenanceRow;
  type FigureRow = { figure: Neo4jNode; metric: Neo4jNode | null; inputs: string[] } & ProvenanceRow;
  type EarlierRow = { relation: 'REPUBLISHES' | 'CITES'; source: Neo4jNode; publisher: Neo4jNode | null };
  return {
    source: mapSource(props(record.get('s') as Neo4jNode)),
    publisher: publisher ? mapOrganization(props(publisher)) : null,
    claims: (record.get('claims') as ClaimRow[]).map((row) => ({
      claim: mapClaim(props(row.claim)),
      speaker: row.speaker ? mapEntity(row.speaker) : null,
      role: row.role ? mapRole(props(row.role)) : null,
      figureKeys: row.figures,
      evidence: row.evidence,
      reviews: row.reviews.map((review) => mapReview(props(review))),
      ...mapProvenance(row),
    })),
    figures: (record.get('figures') as FigureRow[]).map((row) => ({
      figure: mapFigure(props(row.figure)),
      metric: row.metric ? mapMetric(props(row.metric)) : null,
      inputKeys: row.inputs,
      ...mapProvenance(row),
    })),
    earlier: (record.get('earlier') as EarlierRow[]).map((row) => ({
      relation: row.relation,
      source: mapSource(props(row.source)),
      publisher: row.publisher ? mapOrganization(props(row.publisher)) : null,
    })),
  };
}
