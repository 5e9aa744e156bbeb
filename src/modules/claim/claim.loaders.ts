import type { Executor } from '../../db/executor';
import { loader, objectLoader } from '../common/loaders';
import { ClaimRepository, type ClaimFilter, type ClaimPageRequest } from './claim.repository';
import { LineageRepository } from './lineage.repository';

export function createClaimLoaders(executor: Executor) {
  const claims = new ClaimRepository(executor);
  const lineages = new LineageRepository(executor);
  return {
    byKey: loader((keys) => claims.byKeys(keys)),
    pages: objectLoader((requests: readonly ClaimPageRequest[]) => claims.pages(requests)),
    counts: objectLoader((filters: readonly ClaimFilter[]) => claims.counts(filters)),
    source: loader((keys) => claims.sourcesOf(keys)),
    speaker: loader((keys) => claims.speakersOf(keys)),
    role: loader((keys) => claims.rolesOf(keys)),
    figures: loader((keys) => claims.figuresOf(keys)),
    metrics: loader((keys) => claims.metricsOf(keys)),
    targets: loader((keys) => claims.targetsOf(keys)),
    projections: loader((keys) => claims.projectionsOf(keys)),
    topics: loader((keys) => claims.topicsOf(keys)),
    causes: loader((keys) => claims.causesOf(keys)),
    effects: loader((keys) => claims.effectsOf(keys)),
    evidence: loader((keys) => claims.evidenceFor(keys)),
    backs: loader((keys) => claims.backedBy(keys)),
    withLineage: loader((keys) => lineages.withLineages(keys, false)),
    /** The lineage with every cited figure's siblings (samePeriod, series, comparisons). */
    withLineageAndSiblings: loader((keys) => lineages.withLineages(keys, true)),
  };
}
