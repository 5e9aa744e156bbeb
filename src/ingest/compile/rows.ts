import type { TextRange } from '../../domain/anchor';
import { claimName } from '../../domain/claim';
import { figureStatement } from '../../domain/figure';
import { ownedKey, sourceText } from '../../domain/source';
import type { ClaimRow, EvidenceRow } from '../../modules/claim/claim.writes';
import type { SourceRow } from '../../modules/source/source.writes';
import type { Annotation, Entities, SourceMeta } from '../annotation.schema';
import type { FigureRow, SourceGraph } from '../source-graph';
import type { CheckedClaim } from './claims';
import type { Compilation } from './context';
import { isCrossSourceInput, type CheckedFigure } from './figures';
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

/**
 * The rows a checked annotation becomes, in one place. Precondition: no check reported an issue,
 * so every reference resolved, every period parsed and every quote anchored.
 */
export function buildRows(compilation: Compilation, checked: Checked): SourceGraph {
  const { annotation, text, meta } = compilation;
  const scoped = (id: string) => ownedKey(annotation.source.id, id);
  const provenance = (entry: { producedBy?: string; relayedBy: string[] }) => ({
    producedByKey: entry.producedBy ?? null,
    relayedByKeys: entry.relayedBy,
  });
  return {
    source: { ...sourceRow(annotation, text, meta, checked.body), referenceOnly: compilation.referenceOnly },
    referenceOnly: compilation.referenceOnly,
    note: annotation.source.facts?.note ?? meta.note ?? null,
    republishKeys: annotation.source.republishes,
    citeKeys: annotation.source.cites,
    ...entityRows(entitiesToWrite(compilation)),
    figures: checked.figures.map((figure) => figureRow(figure, annotation.source.id)),
    claimProvenance: annotation.claims.map((claim) => ({ key: scoped(claim.id), ...provenance(claim) })),
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

function sourceRow(annotation: Annotation, text: string, meta: SourceMeta, body: TextRange | undefined): SourceRow {
  const { source } = annotation;
  return {
    key: source.id,
    title: meta.title,
    kind: source.kind,
    // Set by buildRows: a source recorded by its facts (a dataset) has no text.
    referenceOnly: false,
    url: meta.url,
    publishedDate: meta.publishedDate,
    publishedDateSource: meta.publishedDateSource ?? null,
    language: meta.language,
    // A source recorded by its facts has no text: written as empty, then marked (write-source-graph.ts).
    ...sourceText(text, body ?? { start: 0, end: 0 }),
    publisherKey: source.publisher,
    interviewerKey: source.interviewer ?? null,
    intervieweeKeys: source.interviewees,
    mentionKeys: source.mentions,
    origin: null,
    addedBy: null,
  };
}

/** What a shared entity refers to, so that writing it writes them too. */
function referencesOf(entity: Record<string, unknown>): string[] {
  const single = ['partOf', 'country', 'operatedBy', 'broader', 'place'].map((field) => entity[field]);
  const roles = (entity.roles as { organization?: string }[] | undefined) ?? [];
  return [
    ...single,
    ...((entity.includes as string[] | undefined) ?? []),
    ...roles.map((role) => role.organization),
  ].filter((id): id is string => typeof id === 'string');
}

/**
 * The entities this file writes: those it declares itself, and the shared ones it refers to with
 * what they refer to in turn. Shared entities are always written as declared in their one file.
 */
function entitiesToWrite(compilation: Compilation): Entities {
  const { shared, annotation, usedShared } = compilation;
  const needed = new Set<string>();
  const roleHolder = new Map(
    shared.entities.people.flatMap((person) => person.roles.map((role) => [role.id, person.id])),
  );
  const visit = (id: string) => {
    const declaration = shared.byId.get(roleHolder.get(id) ?? id);
    if (declaration === undefined || needed.has(declaration.entry.id)) return;
    needed.add(declaration.entry.id);
    referencesOf(declaration.entry as Record<string, unknown>).forEach(visit);
  };
  usedShared.forEach(visit);
  annotation.places.forEach((entity) => referencesOf(entity).forEach(visit));
  [
    ...annotation.organizations,
    ...annotation.people,
    ...annotation.virtualPresenters,
    ...annotation.topics,
    ...annotation.metrics,
  ].forEach((entity) => referencesOf(entity as Record<string, unknown>).forEach(visit));
  const keep = <T extends { id: string }>(entries: T[]) =>
    entries.filter((entry) => needed.has(entry.id) || !shared.byId.has(entry.id));
  const { entities } = compilation;
  return {
    places: keep(entities.places),
    organizations: keep(entities.organizations),
    people: keep(entities.people),
    virtualPresenters: keep(entities.virtualPresenters),
    topics: keep(entities.topics),
    metrics: keep(entities.metrics),
  };
}

/** The entities' rows, whose keys are the annotator's slugs. */
function entityRows(
  annotation: Entities,
): Pick<SourceGraph, 'places' | 'organizations' | 'people' | 'roles' | 'virtualPresenters' | 'topics' | 'metrics'> {
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
        name:
          role.organization === undefined
            ? role.title
            : `${role.title}, ${organizationsById.get(role.organization)?.name ?? role.organization}`,
        title: role.title,
        status: role.status,
        from: role.from ?? null,
        to: role.to ?? null,
        personKey: person.id,
        organizationKey: role.organization ?? null,
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

const statedText = ({ figure, decimal, lowDecimal, highDecimal }: CheckedFigure): string =>
  figureStatement({
    qualifier: figure.qualifier,
    isChange: Boolean(figure.change),
    decimal,
    lowDecimal,
    highDecimal,
    rank: figure.rank ?? null,
  });

const numberOrNull = (decimal: string | null): number | null => (decimal === null ? null : Number(decimal));

function figureRow(checked: CheckedFigure, sourceKey: string): FigureRow {
  const { figure, period, anchor, basePeriod } = checked;
  const resolved = must(period);
  const inputs = figure.derived?.inputs ?? [];
  return {
    key: ownedKey(sourceKey, figure.id),
    name: `${statedText(checked)} ${figure.unit} (${resolved.label})`,
    kind: figure.kind,
    value: numberOrNull(checked.decimal),
    decimal: checked.decimal,
    low: numberOrNull(checked.lowDecimal),
    lowDecimal: checked.lowDecimal,
    high: numberOrNull(checked.highDecimal),
    highDecimal: checked.highDecimal,
    rank: figure.rank ?? null,
    rankOf: figure.rankOf ?? null,
    changeType: figure.change?.type ?? null,
    basePeriodLabel: basePeriod?.label ?? null,
    basePeriodStart: basePeriod?.start ?? null,
    basePeriodEnd: basePeriod?.end ?? null,
    basePeriodExpression: basePeriod?.expression ?? null,
    changeOfKey: figure.change?.of === undefined ? null : ownedKey(sourceKey, figure.change.of),
    operation: figure.derived?.operation ?? null,
    derivedFromKeys: inputs.map((input) => (isCrossSourceInput(input) ? input : ownedKey(sourceKey, input))),
    locator: figure.locator ?? null,
    producedByKey: figure.producedBy ?? null,
    relayedByKeys: figure.relayedBy,
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
    quote: anchor ?? null,
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
