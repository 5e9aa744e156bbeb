import type { TextRange } from '../../domain/anchor';
import { claimName } from '../../domain/claim';
import { ownedKey, sourceText } from '../../domain/source';
import type { ClaimRow, EvidenceRow } from '../../modules/claim/claim.writes';
import type { SourceRow } from '../../modules/source/source.writes';
import type { Annotation, SourceMeta } from '../annotation.schema';
import type { FigureRow, SourceGraph } from '../source-graph';
import type { CheckedClaim } from './claims';
import type { CheckedFigure } from './figures';
import type { CheckedProjection, CheckedTarget } from './targets';

/** What the section checks resolved, entry by entry. */
export interface Checked {
  body: TextRange | undefined;
  figures: CheckedFigure[];
  targets: CheckedTarget[];
  projections: CheckedProjection[];
  claims: CheckedClaim[];
}

/** Past the checks every value they resolved is there: an issue would have stopped compilation. */
const must = <T>(value: T | undefined): T => value as T;

const QUALIFIER_SYMBOLS: Record<string, string> = {
  exact: '',
  about: '≈ ',
  over: '> ',
  exceeding: '> ',
  under: '< ',
  'at-least': '≥ ',
  'at-most': '≤ ',
};

function formatNumber(value: number): string {
  return new Intl.NumberFormat('en', { maximumFractionDigits: 6 }).format(value);
}

/**
 * The rows a checked annotation becomes, in one place. Precondition: no check reported an issue,
 * so every reference resolved, every period parsed and every quote anchored.
 */
export function buildRows(annotation: Annotation, text: string, meta: SourceMeta, checked: Checked): SourceGraph {
  const scoped = (id: string) => ownedKey(annotation.source.id, id);
  return {
    source: sourceRow(annotation, text, meta, must(checked.body)),
    ...entityRows(annotation),
    figures: checked.figures.map((figure) => figureRow(figure, annotation.source.id)),
    targets: checked.targets.map(({ target, deadline }) => ({
      key: target.id,
      name: target.name,
      comparator: target.comparator,
      threshold: target.threshold,
      unit: target.unit,
      deadlineLabel: must(deadline).label,
      deadline: must(deadline).end,
      metricKey: target.metric,
      placeKey: target.place ?? null,
      setByKey: target.setBy,
    })),
    projections: checked.projections.map(({ projection, expected }) => ({
      key: scoped(projection.id),
      name: `Met by ${must(expected).label}${projection.yearsEarlier ? ` (${projection.yearsEarlier} years early)` : ''}`,
      expectedLabel: must(expected).label,
      expectedBy: must(expected).end,
      yearsEarlier: projection.yearsEarlier ?? null,
      targetKey: projection.target,
      projectedByKey: projection.projectedBy,
      sourceKey: annotation.source.id,
    })),
    claims: checked.claims.map((claim) => claimRow(claim, annotation.source.id)),
    evidence: evidenceRows(annotation),
  };
}

function sourceRow(annotation: Annotation, text: string, meta: SourceMeta, body: TextRange): SourceRow {
  const { source } = annotation;
  return {
    key: source.id,
    title: meta.title,
    kind: source.kind,
    // An annotated source has its text; reference-only sources (datasets by their facts) are #14's.
    referenceOnly: false,
    url: meta.url,
    publishedDate: meta.publishedDate,
    publishedDateSource: meta.publishedDateSource ?? null,
    language: meta.language,
    ...sourceText(text, body),
    publisherKey: source.publisher,
    interviewerKey: source.interviewer ?? null,
    intervieweeKeys: source.interviewees,
    mentionKeys: source.mentions,
    origin: null,
    addedBy: null,
  };
}

/** The shared entities, whose keys are the annotator's slugs. */
function entityRows(
  annotation: Annotation,
): Omit<SourceGraph, 'source' | 'figures' | 'targets' | 'projections' | 'claims' | 'evidence'> {
  const organizationsById = new Map(annotation.organizations.map((org) => [org.id, org]));
  return {
    places: annotation.places.map(({ id, ...place }) => ({ key: id, ...place, isoCode: place.isoCode ?? null })),
    organizations: annotation.organizations.map((org) => ({
      key: org.id,
      name: org.name,
      fullName: org.fullName ?? null,
      kind: org.kind,
      partOfKey: org.partOf ?? null,
      countryKey: org.country ?? null,
      sameAs: org.sameAs,
    })),
    people: annotation.people.map((person) => ({
      key: person.id,
      name: person.name,
      description: person.description ?? null,
      sameAs: person.sameAs,
    })),
    roles: annotation.people.flatMap((person) =>
      person.roles.map((role) => ({
        key: role.id,
        name: `${role.title}, ${organizationsById.get(role.organization)?.name ?? role.organization}`,
        title: role.title,
        status: role.status,
        from: role.from ?? null,
        to: role.to ?? null,
        personKey: person.id,
        organizationKey: role.organization,
      })),
    ),
    virtualPresenters: annotation.virtualPresenters.map((presenter) => ({
      key: presenter.id,
      name: presenter.name,
      description: presenter.description,
      operatedByKey: presenter.operatedBy,
    })),
    topics: annotation.topics.map((topic) => ({
      key: topic.id,
      name: topic.name,
      description: topic.description ?? null,
      broaderKey: topic.broader ?? null,
      includedKeys: topic.includes,
    })),
    metrics: annotation.metrics.map((metric) => ({
      key: metric.id,
      name: metric.name,
      description: metric.description,
      unit: metric.unit,
      placeKey: metric.place ?? null,
    })),
  };
}

function figureRow({ figure, period, anchor }: CheckedFigure, sourceKey: string): FigureRow {
  const resolved = must(period);
  const symbol = QUALIFIER_SYMBOLS[figure.qualifier] ?? '';
  return {
    key: ownedKey(sourceKey, figure.id),
    name: `${symbol}${formatNumber(figure.value)} ${figure.unit} (${resolved.label})`,
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    periodLabel: resolved.label,
    periodStart: resolved.start,
    periodEnd: resolved.end,
    periodExpression: resolved.expression,
    periodRelative: resolved.relative,
    periodWords: figure.periodWords ?? null,
    metricKey: figure.metric,
    placeKey: figure.place ?? null,
    sourceKey,
    quote: must(anchor),
  };
}

function claimRow({ claim, anchor }: CheckedClaim, sourceKey: string): ClaimRow {
  const scoped = (id: string) => ownedKey(sourceKey, id);
  return {
    key: scoped(claim.id),
    name: claimName(claim.text),
    text: claim.text,
    kind: claim.kind,
    attribution: claim.attribution,
    sourceKey,
    speakerKey: claim.speaker,
    roleKey: claim.role ?? null,
    quote: must(anchor),
    figureKeys: claim.figures.map(scoped),
    metricKeys: claim.metrics,
    targetKeys: claim.targets,
    projectionKeys: claim.projections.map(scoped),
    topicKeys: claim.topics,
    causeKeys: claim.causes,
    effectKeys: claim.effects,
    origin: null,
    addedBy: null,
  };
}

function evidenceRows(annotation: Annotation): EvidenceRow[] {
  const scoped = (id: string) => ownedKey(annotation.source.id, id);
  return annotation.claims.flatMap((claim) => [
    ...claim.supports.map((other) => ({
      fromKey: scoped(claim.id),
      toKey: scoped(other),
      stance: 'SUPPORTS' as const,
    })),
    ...claim.contradicts.map((other) => ({
      fromKey: scoped(claim.id),
      toKey: scoped(other),
      stance: 'CONTRADICTS' as const,
    })),
  ]);
}
