import type { Loaders } from '../../context';
import type { Executor } from '../../db/executor';
import { loader, objectLoader } from '../common/loaders';
import { ClaimRepository, type ClaimFilter, type ClaimPageRequest, type LineageData } from './claim.repository';

export function createClaimLoaders(executor: Executor) {
  const claims = new ClaimRepository(executor);
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
    lineage: loader((keys) => claims.lineagesOf(keys)),
  };
}

/**
 * Hands what CLAIM_LINEAGES fetched to the loaders the claim's and its lineage's fields (and their
 * nested fields) read, so they resolve from the cache instead of running a statement each. A key
 * already loaded keeps its value (`prime` does not overwrite).
 */
export function primeLineage(loaders: Loaders, lineage: LineageData): void {
  const { claim } = lineage;
  loaders.claims.byKey.prime(claim.key, claim);
  loaders.claims.source.prime(claim.key, lineage.source ?? null);
  if (lineage.source) {
    loaders.sources.byKey.prime(lineage.source.key, lineage.source);
    loaders.sources.publisher.prime(lineage.source.key, lineage.publisher);
  }
  loaders.claims.speaker.prime(claim.key, lineage.speaker);
  loaders.claims.role.prime(claim.key, lineage.role);
  if (lineage.role) loaders.people.roleOrganization.prime(lineage.role.key, lineage.roleOrganization);
  loaders.claims.figures.prime(
    claim.key,
    lineage.figures.map(({ figure }) => figure),
  );
  for (const { figure, metric } of lineage.figures) loaders.figures.metric.prime(figure.key, metric);
  loaders.claims.evidence.prime(claim.key, lineage.evidence);
  loaders.reviews.ofClaim.prime(claim.key, lineage.reviews);
}
