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

/** Everything one source says, in one statement: its claims with speakers, roles, figures, evidence and reviews. */
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
      reviews: COLLECT { MATCH (r:Review)-[:REVIEWS]->(c) RETURN r }
    }) AS claims
  }
  CALL (s) {
    MATCH (f:Figure)-[:REPORTED_IN]->(s)
    OPTIONAL MATCH (f)-[:MEASURES]->(m:Metric)
    RETURN collect({figure: f, metric: m}) AS figures
  }
  RETURN s, publisher, claims, figures`,
);

export interface ExportedClaim {
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
  figures: { figure: FigureData; metric: MetricData | null }[];
}

const props = (node: Neo4jNode) => node.properties as Properties;

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
  };
  type FigureRow = { figure: Neo4jNode; metric: Neo4jNode | null };
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
    })),
    figures: (record.get('figures') as FigureRow[]).map((row) => ({
      figure: mapFigure(props(row.figure)),
      metric: row.metric ? mapMetric(props(row.metric)) : null,
    })),
  };
}
