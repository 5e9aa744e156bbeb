import { anchorInBody, locateBody, type TextAnchor } from '../domain/anchor';
import { claimName } from '../domain/claim';
import { ownedKey, sourceText } from '../domain/source';
import type { Annotation, SourceMeta } from './annotation.schema';
import { PERIOD_GRAMMAR, resolvePeriod, type ResolvedPeriod } from '../domain/period';
import type { SourceGraph } from './source-graph';

export type IssuePath = (string | number)[];

export interface PathIssue {
  path: IssuePath;
  message: string;
}

export type CompileResult = { ok: true; graph: SourceGraph } | { ok: false; issues: PathIssue[] };

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
 * Turns a schema-valid annotation into the rows ingestion writes, checking everything the
 * schema alone cannot: references between entries, quote anchoring inside the body,
 * units against metrics, periods, and consistency of projections with their targets.
 * Pure: no I/O, so every rule is unit-tested without a database.
 */
export function compileAnnotation(annotation: Annotation, text: string, meta: SourceMeta): CompileResult {
  const issues: PathIssue[] = [];
  const report = (path: IssuePath, message: string) => issues.push({ path, message });
  const sourceId = annotation.source.id;

  // Every id is unique across the whole file: references such as `speaker` may point at several kinds.
  const kindOf = new Map<string, string>();
  const declare = (kind: string, id: string, path: IssuePath) => {
    const existing = kindOf.get(id);
    if (existing) report(path, `duplicate id "${id}" (already used by a ${existing})`);
    else kindOf.set(id, kind);
  };
  annotation.places.forEach((entry, index) => declare('place', entry.id, ['places', index, 'id']));
  annotation.organizations.forEach((entry, index) => declare('organization', entry.id, ['organizations', index, 'id']));
  annotation.people.forEach((person, index) => {
    declare('person', person.id, ['people', index, 'id']);
    person.roles.forEach((role, roleIndex) => declare('role', role.id, ['people', index, 'roles', roleIndex, 'id']));
  });
  annotation.virtualPresenters.forEach((entry, index) =>
    declare('virtual presenter', entry.id, ['virtualPresenters', index, 'id']),
  );
  annotation.topics.forEach((entry, index) => declare('topic', entry.id, ['topics', index, 'id']));
  annotation.metrics.forEach((entry, index) => declare('metric', entry.id, ['metrics', index, 'id']));
  annotation.figures.forEach((entry, index) => declare('figure', entry.id, ['figures', index, 'id']));
  annotation.targets.forEach((entry, index) => declare('target', entry.id, ['targets', index, 'id']));
  annotation.projections.forEach((entry, index) => declare('projection', entry.id, ['projections', index, 'id']));
  annotation.claims.forEach((entry, index) => declare('claim', entry.id, ['claims', index, 'id']));

  const expect = (path: IssuePath, id: string | undefined, ...kinds: string[]): void => {
    if (id === undefined) return;
    const kind = kindOf.get(id);
    if (kind === undefined) report(path, `unknown id "${id}": no ${kinds.join(' or ')} has it`);
    else if (!kinds.includes(kind)) report(path, `"${id}" is a ${kind}, but a ${kinds.join(' or ')} is required here`);
  };
  const expectAll = (path: IssuePath, ids: string[], ...kinds: string[]) =>
    ids.forEach((id, index) => expect([...path, index], id, ...kinds));

  const publishedDate = meta.publishedDate;
  const period = (path: IssuePath, expression: string): ResolvedPeriod | undefined => {
    const resolved = resolvePeriod(expression, publishedDate);
    if (!resolved) report(path, `bad period or date "${expression}"; write ${PERIOD_GRAMMAR}`);
    return resolved;
  };

  // The body range: boilerplate before and after it may never be quoted.
  const located = locateBody(text, annotation.source.body);
  if (!located.ok) {
    for (const violation of located.violations) {
      report(['source', 'body', ...(violation.field === 'body' ? [] : [violation.field])], violation.message);
    }
  }
  const body = located.ok ? located.value : undefined;

  const anchor = (path: IssuePath, quote: string, occurrence: number | undefined): TextAnchor | undefined => {
    const result = anchorInBody(text, body, quote, occurrence);
    if (!result.ok) {
      for (const violation of result.violations) report([...path, violation.field], violation.message);
      return undefined;
    }
    return result.value;
  };

  // Source links.
  const source = annotation.source;
  expect(['source', 'publisher'], source.publisher, 'organization');
  expect(['source', 'interviewer'], source.interviewer, 'organization', 'person');
  expectAll(['source', 'interviewees'], source.interviewees, 'person');
  expectAll(['source', 'mentions'], source.mentions, ...ENTITY_KINDS);
  if (meta.file !== source.textFile.split('/').pop()) {
    report(['source', 'metaFile'], `the meta file describes "${meta.file}", not "${source.textFile}"`);
  }

  // Shared entities.
  annotation.organizations.forEach((org, index) => {
    expect(['organizations', index, 'partOf'], org.partOf, 'organization');
    expect(['organizations', index, 'country'], org.country, 'place');
  });
  const roleOwner = new Map<string, string>();
  annotation.people.forEach((person, index) =>
    person.roles.forEach((role, roleIndex) => {
      const path = ['people', index, 'roles', roleIndex];
      expect([...path, 'organization'], role.organization, 'organization');
      if (role.from && role.to && role.to < role.from) report([...path, 'to'], '"to" is before "from"');
      if (role.status === 'current' && role.to && role.to < publishedDate) {
        report(
          [...path, 'status'],
          `a role that ended on ${role.to} cannot be current at publication (${publishedDate})`,
        );
      }
      roleOwner.set(role.id, person.id);
    }),
  );
  annotation.virtualPresenters.forEach((presenter, index) =>
    expect(['virtualPresenters', index, 'operatedBy'], presenter.operatedBy, 'organization'),
  );
  annotation.topics.forEach((topic, index) => {
    expect(['topics', index, 'broader'], topic.broader, 'topic');
    expectAll(['topics', index, 'includes'], topic.includes, 'topic');
  });
  const metricUnits = new Map<string, string>();
  annotation.metrics.forEach((metric, index) => {
    expect(['metrics', index, 'place'], metric.place, 'place');
    metricUnits.set(metric.id, metric.unit);
  });
  const checkUnit = (path: IssuePath, metricId: string, unit: string) => {
    const metricUnit = metricUnits.get(metricId);
    if (metricUnit !== undefined && metricUnit !== unit) {
      report(path, `unit "${unit}" differs from the unit of metric "${metricId}" ("${metricUnit}")`);
    }
  };

  const figures = annotation.figures.map((figure, index) => {
    const path = ['figures', index];
    expect([...path, 'metric'], figure.metric, 'metric');
    expect([...path, 'place'], figure.place, 'place');
    checkUnit([...path, 'unit'], figure.metric, figure.unit);
    if (figure.periodWords !== undefined && !text.includes(figure.periodWords)) {
      report([...path, 'periodWords'], `"${figure.periodWords}" does not occur in the source text`);
    }
    return {
      figure,
      period: period([...path, 'period'], figure.period),
      anchor: anchor(path, figure.quote, figure.occurrence),
    };
  });

  const targetDeadlines = new Map<string, ResolvedPeriod | undefined>();
  const targets = annotation.targets.map((target, index) => {
    const path = ['targets', index];
    expect([...path, 'metric'], target.metric, 'metric');
    expect([...path, 'place'], target.place, 'place');
    expect([...path, 'setBy'], target.setBy, 'place', 'organization', 'person');
    checkUnit([...path, 'unit'], target.metric, target.unit);
    const deadline = period([...path, 'deadline'], target.deadline);
    targetDeadlines.set(target.id, deadline);
    return { target, deadline };
  });

  const projections = annotation.projections.map((projection, index) => {
    const path = ['projections', index];
    expect([...path, 'target'], projection.target, 'target');
    expect([...path, 'projectedBy'], projection.projectedBy, 'person', 'organization');
    const expected = period([...path, 'expectedBy'], projection.expectedBy);
    const deadline = targetDeadlines.get(projection.target);
    if (expected && deadline && projection.yearsEarlier !== undefined) {
      const stated = Number(deadline.end.slice(0, 4)) - Number(expected.end.slice(0, 4));
      if (stated !== projection.yearsEarlier) {
        report(
          [...path, 'yearsEarlier'],
          `${projection.yearsEarlier} years earlier than the deadline ${deadline.label} is ${Number(deadline.end.slice(0, 4)) - projection.yearsEarlier}, not ${expected.label}`,
        );
      }
    }
    return { projection, expected, deadline };
  });

  const claims = annotation.claims.map((claim, index) => {
    const path = ['claims', index];
    expect([...path, 'speaker'], claim.speaker, 'person', 'organization', 'virtual presenter');
    expect([...path, 'role'], claim.role, 'role');
    if (claim.role !== undefined && roleOwner.has(claim.role) && roleOwner.get(claim.role) !== claim.speaker) {
      report(
        [...path, 'role'],
        `role "${claim.role}" belongs to "${roleOwner.get(claim.role)}", not to the speaker "${claim.speaker}"`,
      );
    }
    if (claim.attribution === 'narration' && claim.speaker !== source.publisher) {
      report(
        [...path, 'speaker'],
        `narration is the outlet's own voice: its speaker must be the publisher "${source.publisher}"`,
      );
    }
    expectAll([...path, 'figures'], claim.figures, 'figure');
    expectAll([...path, 'metrics'], claim.metrics, 'metric');
    expectAll([...path, 'targets'], claim.targets, 'target');
    expectAll([...path, 'projections'], claim.projections, 'projection');
    expectAll([...path, 'topics'], claim.topics, 'topic');
    expectAll([...path, 'causes'], claim.causes, 'topic');
    expectAll([...path, 'effects'], claim.effects, 'topic');
    expectAll([...path, 'supports'], claim.supports, 'claim');
    expectAll([...path, 'contradicts'], claim.contradicts, 'claim');
    if (claim.kind === 'causal' && (claim.causes.length === 0 || claim.effects.length === 0)) {
      report([...path, 'kind'], 'a causal claim needs at least one cause and one effect');
    }
    [...claim.supports, ...claim.contradicts].forEach((other) => {
      if (other === claim.id) report([...path, 'supports'], 'a claim cannot support or contradict itself');
    });
    return { claim, anchor: anchor(path, claim.quote, claim.occurrence) };
  });

  if (issues.length > 0) return { ok: false, issues };

  // Past this point every reference resolved, every period parsed and every quote anchored.
  const must = <T>(value: T | undefined): T => value as T;
  const scoped = (id: string) => ownedKey(sourceId, id);
  const organizationsById = new Map(annotation.organizations.map((org) => [org.id, org]));

  return {
    ok: true,
    graph: {
      source: {
        key: sourceId,
        title: meta.title,
        kind: source.kind,
        url: meta.url,
        publishedDate,
        publishedDateSource: meta.publishedDateSource ?? null,
        language: meta.language,
        ...sourceText(text, must(body)),
        publisherKey: source.publisher,
        interviewerKey: source.interviewer ?? null,
        intervieweeKeys: source.interviewees,
        mentionKeys: source.mentions,
        origin: null,
        addedBy: null,
      },
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
      figures: figures.map(({ figure, period: resolved, anchor: quote }) => {
        const p = must(resolved);
        return {
          key: scoped(figure.id),
          name: `${QUALIFIER_SYMBOLS[figure.qualifier] ?? ''}${formatNumber(figure.value)} ${figure.unit} (${p.label})`,
          value: figure.value,
          unit: figure.unit,
          qualifier: figure.qualifier,
          periodLabel: p.label,
          periodStart: p.start,
          periodEnd: p.end,
          periodExpression: p.expression,
          periodRelative: p.relative,
          periodWords: figure.periodWords ?? null,
          metricKey: figure.metric,
          placeKey: figure.place ?? null,
          sourceKey: sourceId,
          quote: must(quote),
        };
      }),
      targets: targets.map(({ target, deadline }) => ({
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
      projections: projections.map(({ projection, expected }) => ({
        key: scoped(projection.id),
        name: `Met by ${must(expected).label}${projection.yearsEarlier ? ` (${projection.yearsEarlier} years early)` : ''}`,
        expectedLabel: must(expected).label,
        expectedBy: must(expected).end,
        yearsEarlier: projection.yearsEarlier ?? null,
        targetKey: projection.target,
        projectedByKey: projection.projectedBy,
        sourceKey: sourceId,
      })),
      claims: claims.map(({ claim, anchor: quote }) => ({
        key: scoped(claim.id),
        name: claimName(claim.text),
        text: claim.text,
        kind: claim.kind,
        attribution: claim.attribution,
        sourceKey: sourceId,
        speakerKey: claim.speaker,
        roleKey: claim.role ?? null,
        quote: must(quote),
        figureKeys: claim.figures.map(scoped),
        metricKeys: claim.metrics,
        targetKeys: claim.targets,
        projectionKeys: claim.projections.map(scoped),
        topicKeys: claim.topics,
        causeKeys: claim.causes,
        effectKeys: claim.effects,
        origin: null,
        addedBy: null,
      })),
      evidence: annotation.claims.flatMap((claim) => [
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
      ]),
    },
  };
}

const ENTITY_KINDS = ['place', 'organization', 'person', 'virtual presenter', 'topic', 'metric'];
