import { CorrectionMutationResolver } from './modules/history/corrections.mutations';
import { ClaimHistoryResolver, FigureHistoryResolver } from './modules/history/history.resolver';
import path from 'node:path';

import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { ClaimLineageResolver, FigureLineageResolver } from './modules/claim/lineage.resolver';
import { ClaimResolver } from './modules/claim/claim.resolver';
import { ClaimMutationResolver } from './modules/claim/claim.mutations';
import { DraftMutationResolver } from './modules/draft/draft.resolver';
import { FigureMutationResolver } from './modules/figure/figure.mutations';
import { DerivationResolver, FigureChangeResolver, FigureResolver } from './modules/figure/figure.resolver';
import { MetricMutationResolver } from './modules/metric/metric.mutations';
import { MetricResolver } from './modules/metric/metric.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { OrganizationMutationResolver } from './modules/organization/organization.mutations';
import { OrganizationResolver } from './modules/organization/organization.resolver';
import { PersonMutationResolver } from './modules/person/person.mutations';
import { PersonResolver, RoleResolver } from './modules/person/person.resolver';
import { ProvenanceMutationResolver } from './modules/provenance/provenance.mutations';
import { ReviewMutationResolver } from './modules/review/review.mutations';
import { ClaimReviewResolver, ReviewResolver } from './modules/review/review.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { SourceProvenanceResolver } from './modules/source/source-provenance.resolver';
import { SourceMutationResolver } from './modules/source/source.mutations';
import { SourceResolver } from './modules/source/source.resolver';
import { SpeakerResolver, VirtualPresenterResolver } from './modules/speaker/speaker.resolver';
import { ProjectionResolver, TargetResolver } from './modules/target/target.resolver';
import { TopicResolver } from './modules/topic/topic.resolver';
import { ClaimEventResolver } from './subscriptions/claim-event.resolver';
import { Organization } from './modules/organization/organization.type';
import { Person } from './modules/person/person.type';
import { VirtualPresenter } from './modules/speaker/virtual-presenter.type';
import { Place } from './modules/place/place.type';

export const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema', 'schema.graphql');

export const RESOLVERS = [
  ClaimResolver,
  ClaimHistoryResolver,
  CorrectionMutationResolver,
  FigureHistoryResolver,
  ClaimMutationResolver,
  ClaimLineageResolver,
  FigureLineageResolver,
  ClaimReviewResolver,
  DraftMutationResolver,
  FigureResolver,
  FigureMutationResolver,
  FigureChangeResolver,
  DerivationResolver,
  MetricResolver,
  MetricMutationResolver,
  NodeResolver,
  OrganizationResolver,
  OrganizationMutationResolver,
  ProvenanceMutationResolver,
  PersonResolver,
  RoleResolver,
  PersonMutationResolver,
  ReviewResolver,
  ReviewMutationResolver,
  SearchResolver,
  SourceResolver,
  SourceProvenanceResolver,
  SourceMutationResolver,
  SpeakerResolver,
  VirtualPresenterResolver,
  TargetResolver,
  ProjectionResolver,
  TopicResolver,
  ClaimEventResolver,
] as const;

/**
 * type-graphql insists on a PubSub once there are subscriptions, even though every one here has
 * its own `subscribe` (the outbox tail, src/events/outbox-tail.ts) and no topics.
 */
const NO_TOPICS = {
  publish(): void {
    throw new Error('subscriptions read the outbox; nothing publishes to topics');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('subscriptions read the outbox; there are no topics');
  },
};

/**
 * Builds the schema from the decorated classes. `emitSchemaFile` writes schema/schema.graphql
 * (a test fails when the committed file differs from what the code produces).
 */
export function createSchema(options: { emitSchemaFile?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // Types only reachable through interfaces or unions must be listed to appear in the schema.
    orphanedTypes: [Person, Organization, VirtualPresenter, Place],
    emitSchemaFile: options.emitSchemaFile ? { path: SCHEMA_FILE, sortedSchema: false } : false,
    validate: false,
    pubSub: NO_TOPICS,
  });
}
