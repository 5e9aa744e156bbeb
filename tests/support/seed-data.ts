import path from 'node:path';

import type { Annotation, AnnotationClaim, AnnotationFigure } from '../../src/ingest/annotation.schema';
import { SEED_DIRECTORY, loadAnnotation, type LoadedAnnotation } from '../../src/ingest/ingest';
import type { ClaimRow } from '../../src/modules/claim/claim.writes';
import { toGlobalId } from '../../src/modules/common/global-id';

/** The seeded article: API tests derive what they expect from this file, not from the API. */
export const SEED_FILE = path.join(SEED_DIRECTORY, 'cgtn-tech-talk-nev-software-charging.yaml');

export type Stance = 'SUPPORTS' | 'CONTRADICTS';

export interface SeedData {
  loaded: LoadedAnnotation;
  annotation: Annotation;
  /** The raw source text exactly as stored. */
  text: string;
  sourceKey: string;
  sourceGid: string;
  /** Stored id of a claim, figure or projection the article owns ("<source id>/<local id>"). */
  ownedKey(localId: string): string;
  claim(localId: string): AnnotationClaim;
  /** The claim as ingestion compiled it (with the quote's offsets, prefix and suffix). */
  claimRow(localId: string): ClaimRow;
  claimGid(localId: string): string;
  figure(localId: string): AnnotationFigure;
  figureGid(localId: string): string;
  /** Global ids of the claims for which `predicate` holds, in the API's claim order (stored id). */
  claimGids(predicate: (claim: AnnotationClaim) => boolean): string[];
  /** Metric ids a claim is about: listed directly or through the figures it cites. */
  metricsOf(claim: AnnotationClaim): string[];
  /** The claims that support or contradict `localId`, per the file. */
  evidenceFor(localId: string, stance: Stance): string[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Names sorted the way Neo4j orders strings (by code point), which `localeCompare` does not do. */
export const sortedNames = (items: readonly { name: string }[]): string[] => [...items].sort(byName).map((i) => i.name);

/** "direct-quote" → "DIRECT_QUOTE": stored enum values as the GraphQL enums name them. */
export const enumName = (value: string): string => value.toUpperCase().replace(/-/g, '_');

export async function loadSeed(): Promise<SeedData> {
  const loaded = await loadAnnotation(SEED_FILE);
  const { annotation } = loaded;
  const sourceKey = annotation.source.id;
  const ownedKey = (localId: string) => `${sourceKey}/${localId}`;
  const find = <T extends { id: string }>(items: readonly T[], id: string, what: string): T => {
    const found = items.find((item) => item.id === id);
    if (!found) throw new Error(`the seed has no ${what} "${id}"`);
    return found;
  };
  const figureMetric = new Map(annotation.figures.map((figure) => [figure.id, figure.metric]));

  return {
    loaded,
    annotation,
    text: loaded.text,
    sourceKey,
    sourceGid: toGlobalId('Source', sourceKey),
    ownedKey,
    claim: (localId) => find(annotation.claims, localId, 'claim'),
    claimRow: (localId) => {
      const row = loaded.graph.claims.find((claim) => claim.key === ownedKey(localId));
      if (!row) throw new Error(`the seed has no compiled claim "${localId}"`);
      return row;
    },
    claimGid: (localId) => toGlobalId('Claim', ownedKey(find(annotation.claims, localId, 'claim').id)),
    figure: (localId) => find(annotation.figures, localId, 'figure'),
    figureGid: (localId) => toGlobalId('Figure', ownedKey(find(annotation.figures, localId, 'figure').id)),
    claimGids: (predicate) =>
      annotation.claims
        .filter(predicate)
        .map((claim) => ownedKey(claim.id))
        .sort()
        .map((key) => toGlobalId('Claim', key)),
    metricsOf: (claim) => [
      ...new Set([...claim.metrics, ...claim.figures.map((figure) => figureMetric.get(figure) as string)]),
    ],
    evidenceFor: (localId, stance) =>
      annotation.claims
        .filter((claim) => (stance === 'SUPPORTS' ? claim.supports : claim.contradicts).includes(localId))
        .map((claim) => claim.id),
  };
}
