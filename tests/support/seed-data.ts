import path from 'node:path';

import { constantCase } from '../../src/domain/vocabulary';
import type { Annotation, AnnotationClaim, AnnotationFigure } from '../../src/ingest/annotation.schema';
import {
  FULL_SEED,
  SEED_DIRECTORY,
  annotationFiles,
  loadAnnotation,
  type LoadedAnnotation,
} from '../../src/ingest/ingest';
import type { FigureRow, SourceGraph } from '../../src/ingest/source-graph';
import { loadSharedEntities } from '../../src/ingest/shared-entities';
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
export const enumName = (value: string): string => constantCase(value);

/**
 * The annotation with the shared entities (seed/entities/) it refers to merged in, as if it declared
 * them itself: what ingestion writes for it.
 */
async function withSharedEntities(loaded: LoadedAnnotation): Promise<Annotation> {
  const shared = await loadSharedEntities(path.join(SEED_DIRECTORY, 'entities'));
  const { graph, annotation } = loaded;
  const merged = <T extends { id: string }>(own: T[], sharedEntries: T[], rows: { key: string }[]): T[] => {
    const written = new Set(rows.map((row) => row.key));
    return [...own, ...sharedEntries.filter((entry) => written.has(entry.id) && !own.some((o) => o.id === entry.id))];
  };
  return {
    ...annotation,
    places: merged(annotation.places, shared.entities.places, graph.places),
    organizations: merged(annotation.organizations, shared.entities.organizations, graph.organizations),
    people: merged(annotation.people, shared.entities.people, graph.people),
    virtualPresenters: merged(annotation.virtualPresenters, shared.entities.virtualPresenters, graph.virtualPresenters),
    topics: merged(annotation.topics, shared.entities.topics, graph.topics),
    metrics: merged(annotation.metrics, shared.entities.metrics, graph.metrics),
  };
}

export async function loadSeed(): Promise<SeedData> {
  const loaded = await loadAnnotation(SEED_FILE);
  const annotation = await withSharedEntities(loaded);
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

/**
 * Everything `npm start` seeds (seed/ and seed/sources/), as ingestion compiles it: what a list
 * query over the whole graph returns. Tests that list every claim, organisation, metric, figure
 * or topic seed FULL_SEED and expect these, so they pass whether or not `npm start` ran first.
 */
export interface FullSeed {
  sourceKeys: string[];
  organizations: SourceGraph['organizations'];
  people: SourceGraph['people'];
  metrics: SourceGraph['metrics'];
  topics: SourceGraph['topics'];
  figures: FigureRow[];
  claims: ClaimRow[];
  /** Global ids, in the API's order (stored id), of the claims about a metric, directly or by a cited figure. */
  claimGidsAbout(metricKey: string): string[];
  /** Global ids, in the API's order (period start, then stored id), of a metric's figures. */
  figureGidsOf(metricKey: string): string[];
}

/** Entries of every graph, one per key: shared entities are written with each source that uses them. */
function unionByKey<T extends { key: string }>(graphs: SourceGraph[], rows: (graph: SourceGraph) => T[]): T[] {
  const byKey = new Map<string, T>();
  for (const graph of graphs) for (const row of rows(graph)) if (!byKey.has(row.key)) byKey.set(row.key, row);
  return [...byKey.values()];
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export async function loadFullSeed(): Promise<FullSeed> {
  const files = (await Promise.all(FULL_SEED.map(annotationFiles))).flat();
  const graphs = (await Promise.all(files.map(loadAnnotation))).map((loaded) => loaded.graph);
  const figures = unionByKey(graphs, (graph) => graph.figures);
  const claims = unionByKey(graphs, (graph) => graph.claims).sort(byKey);
  const metricOfFigure = new Map(figures.map((figure) => [figure.key, figure.metricKey]));
  const isAbout = (claim: ClaimRow, metricKey: string) =>
    claim.metricKeys.includes(metricKey) || claim.figureKeys.some((key) => metricOfFigure.get(key) === metricKey);
  return {
    sourceKeys: graphs.map((graph) => graph.source.key),
    organizations: unionByKey(graphs, (graph) => graph.organizations),
    people: unionByKey(graphs, (graph) => graph.people),
    metrics: unionByKey(graphs, (graph) => graph.metrics),
    topics: unionByKey(graphs, (graph) => graph.topics),
    figures,
    claims,
    claimGidsAbout: (metricKey) =>
      claims.filter((claim) => isAbout(claim, metricKey)).map((claim) => toGlobalId('Claim', claim.key)),
    figureGidsOf: (metricKey) =>
      figures
        .filter((figure) => figure.metricKey === metricKey)
        .sort((a, b) => (a.periodStart === b.periodStart ? byKey(a, b) : a.periodStart < b.periodStart ? -1 : 1))
        .map((figure) => toGlobalId('Figure', figure.key)),
  };
}
