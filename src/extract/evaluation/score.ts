/**
 * Scores a draft against a gold annotation, both compiled by the ingestion validator so that
 * spans are the validator's own (code points) and periods are resolved the same way.
 */
import { normalizeName } from '../linking';
import type { SourceGraph } from '../ingest-entry';

export interface Counts {
  truePositives: number;
  predicted: number;
  gold: number;
}

export interface CaseScore {
  name: string;
  elements: Record<string, Counts>;
  speakerAccuracy: { correct: number; total: number };
  kindConfusion: Record<string, Record<string, number>>;
  attributionConfusion: Record<string, Record<string, number>>;
  boilerplateClaims: string[];
  /** Examples for the report: "quote: gold speaker -> draft speaker". */
  speakerErrors: string[];
  figuresMissed: string[];
  figuresSpurious: string[];
  /** Existing ids the draft links to that the gold does not use. */
  linksSpurious: string[];
}

type Claim = SourceGraph['claims'][number];

function overlap(a: Claim, b: Claim): number {
  return Math.max(0, Math.min(a.quote.end, b.quote.end) - Math.max(a.quote.start, b.quote.start));
}

/** One-to-one matching of claims by overlap, largest overlaps first. */
export function matchClaims(gold: Claim[], predicted: Claim[]): [Claim, Claim][] {
  const pairs = gold.flatMap((g) => predicted.map((p) => ({ g, p, size: overlap(g, p) }))).filter((x) => x.size > 0);
  pairs.sort((a, b) => b.size - a.size);
  const usedGold = new Set<Claim>();
  const usedPredicted = new Set<Claim>();
  const matched: [Claim, Claim][] = [];
  for (const { g, p } of pairs) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    matched.push([g, p]);
  }
  return matched;
}

/** What is in `from` and not in `other`, as a multiset. */
function missing(from: string[], other: string[]): string[] {
  const left = [...other];
  return from.filter((key) => {
    const at = left.indexOf(key);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

/** Multiset intersection size of two lists of keys. */
function intersect(gold: string[], predicted: string[]): number {
  const remaining = new Map<string, number>();
  for (const key of gold) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  let hits = 0;
  for (const key of predicted) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      hits += 1;
      remaining.set(key, left - 1);
    }
  }
  return hits;
}

function counts(gold: string[], predicted: string[]): Counts {
  return { truePositives: intersect(gold, predicted), predicted: predicted.length, gold: gold.length };
}

const COMPARATOR_QUALIFIER: Record<string, string> = {
  gt: 'over',
  gte: 'at-least',
  lt: 'under',
  lte: 'at-most',
  eq: 'exact',
};

/** A figure or target as value, unit, period and qualifier (and a forecast as one): what must all be right. */
export function figureKeys(graph: SourceGraph): string[] {
  const value = (n: number | null) => (n === null ? 'none' : String(Number(n.toPrecision(10))));
  return [
    ...graph.figures.map(
      (f) =>
        `${value(f.value)}|${f.unit.toLowerCase()}|${f.periodLabel}|${f.qualifier}${f.kind === 'forecast' ? '|forecast' : ''}`,
    ),
    ...graph.targets.map(
      (t) =>
        `${value(t.threshold)}|${t.unit.toLowerCase()}|by ${t.deadlineLabel}|${COMPARATOR_QUALIFIER[t.comparator] ?? t.comparator}`,
    ),
  ];
}

/** People, organisations and places by name, the publisher left out (both sides always have it). */
export function entityKeys(graph: SourceGraph): string[] {
  const publisher = graph.source.publisherKey;
  return [
    ...graph.people.map((p) => `person|${normalizeName(p.name)}`),
    ...graph.organizations
      .filter((o) => o.key !== publisher)
      .map((o) => `organization|${normalizeName(o.fullName ?? o.name)}`),
    ...graph.places.map((p) => `place|${normalizeName(p.name)}`),
  ];
}

function entityIds(graph: SourceGraph): string[] {
  return [...graph.people, ...graph.organizations, ...graph.places, ...graph.metrics].map((e) => e.key);
}

function bump(table: Record<string, Record<string, number>>, row: string, column: string): void {
  table[row] ??= {};
  table[row][column] = (table[row][column] ?? 0) + 1;
}

/** Speakers by name: a new entity's id is the annotator's choice, its name (or full name) the text's. */
function speakerNames(graph: SourceGraph): (id: string) => Set<string> {
  const names = new Map<string, Set<string>>();
  for (const entity of [...graph.people, ...graph.organizations, ...graph.virtualPresenters])
    names.set(entity.key, new Set([normalizeName(entity.name)]));
  for (const organization of graph.organizations)
    if (organization.fullName) names.get(organization.key)?.add(normalizeName(organization.fullName));
  return (id) => names.get(id) ?? new Set([id]);
}

export function scoreCase(name: string, gold: SourceGraph, predicted: SourceGraph, knownIds: Set<string>): CaseScore {
  const goldSpeaker = speakerNames(gold);
  const draftSpeaker = speakerNames(predicted);
  const sameSpeaker = (g: Claim, p: Claim) =>
    [...goldSpeaker(g.speakerKey)].some((n) => draftSpeaker(p.speakerKey).has(n));
  const matched = matchClaims(gold.claims, predicted.claims);
  const exact = predicted.claims.filter((p) =>
    gold.claims.some((g) => g.quote.start === p.quote.start && g.quote.end === p.quote.end),
  );
  const reported = matched.filter(([g]) => g.attribution !== 'narration');
  const kindConfusion: Record<string, Record<string, number>> = {};
  const attributionConfusion: Record<string, Record<string, number>> = {};
  for (const [g, p] of matched) {
    bump(kindConfusion, g.kind, p.kind);
    bump(attributionConfusion, g.attribution, p.attribution);
  }
  const goldIds = new Set(entityIds(gold));
  const linked = entityIds(predicted).filter((id) => knownIds.has(id));
  const goldLinked = [...goldIds].filter((id) => knownIds.has(id));
  // Evaluation texts are articles with their text, so the body is always known.
  const bodyStart = gold.source.bodyStart ?? 0;
  const bodyEnd = gold.source.bodyEnd ?? gold.source.length;
  return {
    name,
    elements: {
      'claims (span overlap)': {
        truePositives: matched.length,
        predicted: predicted.claims.length,
        gold: gold.claims.length,
      },
      'claims (exact span)': {
        truePositives: exact.length,
        predicted: predicted.claims.length,
        gold: gold.claims.length,
      },
      'speaker attribution': {
        truePositives: matched.filter(
          ([g, p]) => sameSpeaker(g, p) && (g.attribution === 'narration') === (p.attribution === 'narration'),
        ).length,
        predicted: predicted.claims.length,
        gold: gold.claims.length,
      },
      'claim kinds': {
        truePositives: matched.filter(([g, p]) => g.kind === p.kind).length,
        predicted: predicted.claims.length,
        gold: gold.claims.length,
      },
      figures: counts(figureKeys(gold), figureKeys(predicted)),
      entities: counts(entityKeys(gold), entityKeys(predicted)),
      'entity links': {
        truePositives: linked.filter((id) => goldIds.has(id)).length,
        predicted: linked.length,
        gold: goldLinked.length,
      },
    },
    speakerAccuracy: { correct: reported.filter(([g, p]) => sameSpeaker(g, p)).length, total: reported.length },
    kindConfusion,
    attributionConfusion,
    boilerplateClaims: predicted.claims
      .filter((p) => p.quote.start < bodyStart || p.quote.end > bodyEnd)
      .map((p) => p.quote.exact),
    speakerErrors: matched
      .filter(([g, p]) => !sameSpeaker(g, p) || g.attribution !== p.attribution)
      .map(
        ([g, p]) =>
          `${g.quote.exact.slice(0, 60)}: ${g.attribution} ${g.speakerKey} -> ${p.attribution} ${p.speakerKey}`,
      ),
    figuresMissed: missing(figureKeys(gold), figureKeys(predicted)),
    figuresSpurious: missing(figureKeys(predicted), figureKeys(gold)),
    linksSpurious: linked.filter((id) => !goldIds.has(id)),
  };
}

export function f1(total: Counts): { precision: number; recall: number; f1: number } {
  const precision = total.predicted === 0 ? 1 : total.truePositives / total.predicted;
  const recall = total.gold === 0 ? 1 : total.truePositives / total.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
