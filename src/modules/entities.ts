import type { Node as Neo4jNode } from 'neo4j-driver';

import type { Properties } from '../db/values';
import { mapClaim, type ClaimData } from './claim/claim.mapper';
import { mapFigure, type FigureData } from './figure/figure.mapper';
import { mapMetric, type MetricData } from './metric/metric.mapper';
import { mapOrganization, type OrganizationData } from './organization/organization.mapper';
import { mapPerson, mapRole, type PersonData, type RoleData } from './person/person.mapper';
import { mapPlace, type PlaceData } from './place/place.mapper';
import { mapReview, type ReviewData } from './review/review.mapper';
import { mapSource, type SourceData } from './source/source.mapper';
import { mapVirtualPresenter, type VirtualPresenterData } from './speaker/virtual-presenter.mapper';
import { mapProjection, mapTarget, type ProjectionData, type TargetData } from './target/target.mapper';
import { mapTopic, type TopicData } from './topic/topic.mapper';

export type EntityData =
  | ClaimData
  | FigureData
  | MetricData
  | OrganizationData
  | PersonData
  | RoleData
  | PlaceData
  | ReviewData
  | SourceData
  | VirtualPresenterData
  | TargetData
  | ProjectionData
  | TopicData;

const MAPPERS: Record<EntityData['label'], (properties: Properties) => EntityData> = {
  Claim: mapClaim,
  Figure: mapFigure,
  Metric: mapMetric,
  Organization: mapOrganization,
  Person: mapPerson,
  Role: mapRole,
  Place: mapPlace,
  Review: mapReview,
  Source: mapSource,
  VirtualPresenter: mapVirtualPresenter,
  Target: mapTarget,
  Projection: mapProjection,
  Topic: mapTopic,
};

export const isEntityLabel = (label: string): label is EntityData['label'] => label in MAPPERS;

/** Maps a node of any label (a speaker, a search hit, `Query.node`) by its label. */
export function mapEntity(node: Neo4jNode): EntityData {
  const label = node.labels.find(isEntityLabel);
  if (!label) throw new TypeError(`no mapper for a node labelled ${node.labels.join(':')}`);
  return MAPPERS[label](node.properties as Properties);
}
