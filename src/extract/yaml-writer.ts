/**
 * Writes the draft as an annotation in the project's format (docs/annotation-format.md), with
 * the reviewer's notes as YAML comments above the items they concern. Existing entities are
 * declared as they already are (with what their declarations refer to), so that ingesting the
 * draft links to them without changing them.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';

import type { Draft } from './draft-types';
import type { KnownEntity } from './types';

function occurrence(text: string, quote: string, start: number): number | undefined {
  let count = 0;
  let at = -1;
  let mine = 1;
  for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) {
    count += 1;
    if (index === start) mine = count;
    at = index;
  }
  return count > 1 || at !== start ? mine : undefined;
}

function quoteFields(text: string, start: number, end: number): { quote: string; occurrence?: number } {
  const quote = text.slice(start, end);
  const which = occurrence(text, quote, start);
  return which === undefined ? { quote } : { quote, occurrence: which };
}

/** A known entity's declaration and the known entities it refers to, in dependency order. */
function withDependencies(known: readonly KnownEntity[], ids: string[]): KnownEntity[] {
  const result: KnownEntity[] = [];
  const visit = (id: string) => {
    const entity = known.find((k) => k.id === id);
    if (!entity || result.includes(entity)) return;
    const d = entity.declaration;
    const refs = [
      d.partOf,
      d.country,
      d.place,
      ...((d.roles as { organization: string }[] | undefined) ?? []).map((r) => r.organization),
    ];
    for (const ref of refs) if (typeof ref === 'string') visit(ref);
    result.push(entity);
  };
  ids.forEach(visit);
  return result;
}

function compact<T extends Record<string, unknown>>(entry: T): T {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

export function annotationObject(draft: Draft): { annotation: Record<string, unknown>; notes: Map<string, string[]> } {
  const { text } = draft;
  const notes = new Map<string, string[]>();
  const note = (id: string, confidence: number, review: string[]) => {
    if (review.length > 0 || confidence < 0.7)
      notes.set(id, [`review (confidence ${confidence.toFixed(2)}): ${review.join('; ') || 'unsure'}`]);
  };
  const existingIds = [...draft.places, ...draft.organizations, ...draft.people, ...draft.metrics]
    .filter((e) => e.existing)
    .map((e) => e.id);
  const copied = withDependencies(draft.known, existingIds);
  const copiedOf = (kind: KnownEntity['kind']) =>
    copied.filter((k) => k.kind === kind).map((k) => ({ ...k.declaration }));
  for (const entity of copied) notes.set(entity.id, ['existing entity: declared as it already is']);

  const places = [
    ...copiedOf('place'),
    ...draft.places
      .filter((p) => !p.existing)
      .map((p) => compact({ id: p.id, name: p.name, kind: p.kind, isoCode: p.isoCode })),
  ];
  draft.places.filter((p) => !p.existing).forEach((p) => note(p.id, p.confidence, p.review));
  const organizations = [
    ...copiedOf('organization'),
    ...draft.organizations
      .filter((o) => !o.existing)
      .map((o) => compact({ id: o.id, name: o.name, fullName: o.fullName, kind: o.kind })),
  ];
  draft.organizations.filter((o) => !o.existing).forEach((o) => note(o.id, o.confidence, o.review));
  const people = draft.people.map((p) => {
    const roles = p.roles.map((r) => ({ id: r.id, title: r.title, organization: r.organizationId, status: r.status }));
    if (!p.existing) {
      note(p.id, p.confidence, p.review);
      return compact({ id: p.id, name: p.name, description: p.description, roles });
    }
    const declaration = { ...(copied.find((k) => k.id === p.id)?.declaration ?? {}) } as Record<string, unknown>;
    const knownRoles = (declaration.roles as { title: string; organization: string }[] | undefined) ?? [];
    const added = roles.filter(
      (r) =>
        !knownRoles.some((k) => k.title.toLowerCase() === r.title.toLowerCase() && k.organization === r.organization),
    );
    if (added.length > 0)
      notes.set(p.id, [
        `existing person; roles added from this text: ${added.map((r) => r.title).join(', ')} (check they are not duplicates)`,
      ]);
    return compact({ ...declaration, roles: [...knownRoles, ...added] });
  });
  const metrics = [
    ...copiedOf('metric'),
    ...draft.metrics
      .filter((m) => !m.existing)
      .map((m) => compact({ id: m.id, name: m.name, description: m.description, unit: m.unit, place: m.placeId })),
  ];

  const written = draft.figures.filter((f) => f.period?.expression);
  const figures = written.map((f) => {
    note(f.id, f.confidence, f.review);
    return compact({
      id: f.id,
      metric: f.metricId,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      period: f.period?.expression,
      periodWords: f.period?.words && text.includes(f.period.words) ? f.period.words : undefined,
      place: f.placeId,
      ...quoteFields(text, f.span.start, f.span.end),
    });
  });
  const targets = draft.targets.map((t) => {
    note(t.id, t.confidence, t.review);
    return compact({
      id: t.id,
      name: t.name,
      metric: t.metricId,
      comparator: t.comparator,
      threshold: t.threshold,
      unit: t.unit,
      deadline: t.deadline,
      place: t.placeId,
      setBy: t.setById,
    });
  });
  const topics = draft.topics.map((t) => ({ id: t.id, name: t.name }));
  const writtenIds = new Set(written.map((f) => f.id));
  const claims = draft.claims.map((c) => {
    note(c.id, c.confidence, c.review);
    return compact({
      id: c.id,
      text: c.text,
      kind: c.kind,
      attribution: c.attribution,
      speaker: c.speakerId,
      role: c.roleId,
      ...quoteFields(text, c.span.start, c.span.end),
      figures: c.figureIds.filter((id) => writtenIds.has(id)),
      metrics: c.metricIds,
      targets: c.targetIds,
      topics: [...new Set([...c.causeIds, ...c.effectIds])],
      causes: c.causeIds,
      effects: c.effectIds,
    });
  });
  const annotation = compact({
    source: compact({
      id: draft.sourceId,
      textFile: draft.textFile,
      metaFile: draft.metaFile,
      kind: draft.sourceKind,
      publisher: draft.publisherId,
      interviewer: draft.sourceKind === 'interview' ? draft.publisherId : undefined,
      interviewees: draft.interviewees,
      body: { start: draft.body.startWords, end: draft.body.endWords },
    }),
    places,
    organizations,
    people,
    metrics,
    figures,
    targets,
    topics,
    claims,
  });
  return { annotation, notes };
}

/** Puts each note as a comment above the list entry with that id. */
function attachNotes(document: Document, notes: Map<string, string[]>): void {
  const contents = document.contents;
  if (!isMap(contents)) return;
  for (const pair of contents.items) {
    if (!isSeq(pair.value)) continue;
    for (const item of pair.value.items) {
      if (!isMap(item)) continue;
      const id = (item as YAMLMap).get('id');
      const lines = typeof id === 'string' ? notes.get(id) : undefined;
      if (lines) item.commentBefore = lines.map((line) => ` ${line}`).join('\n');
    }
  }
}

export function writeYaml(draft: Draft): string {
  const { annotation, notes } = annotationObject(draft);
  const document = new Document(annotation);
  attachNotes(document, notes);
  const header = [
    ` Draft annotation written by \`npm run draft\`: review every item before ingesting it.`,
    ` Items marked "review" are ones the extractor was unsure of.`,
    ...draft.warnings.map((warning) => ` WARNING: ${warning}`),
  ];
  document.commentBefore = header.join('\n');
  return document.toString({ lineWidth: 0 });
}
