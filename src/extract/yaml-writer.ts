/**
 * Writes the draft as an annotation in the project's format (docs/annotation-format.md), with
 * the reviewer's notes as YAML comments above the items they concern. Existing entities are
 * declared as they already are (with what their declarations refer to), so that ingesting the
 * draft links to them without changing them.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';

import type { Draft } from './draft-types';
import type { KnownEntity, PersonDraft } from './types';

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

/**
 * The declarations to copy: each known entity the draft uses that is not shared, and the known
 * entities those refer to, in dependency order. Shared ones are referred to by id, never copied.
 */
function withDependencies(known: readonly KnownEntity[], ids: string[]): KnownEntity[] {
  const result: KnownEntity[] = [];
  const visit = (id: string) => {
    const entity = known.find((k) => k.id === id);
    if (!entity || entity.shared || result.includes(entity)) return;
    const d = entity.declaration;
    const refs = [
      d.partOf,
      d.country,
      d.place,
      d.broader,
      ...((d.roles as { organization?: string }[] | undefined) ?? []).map((r) => r.organization),
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

/** Review notes by item id, written as comments above the items. */
class Notes {
  readonly byId = new Map<string, string[]>();

  set(id: string, lines: string[]): void {
    this.byId.set(id, lines);
  }

  /** A note when the extractor was unsure: review comments, or a confidence under 0.7. */
  review(item: { id: string; confidence: number; review: string[] }): void {
    if (item.review.length > 0 || item.confidence < 0.7) {
      this.set(item.id, [`review (confidence ${item.confidence.toFixed(2)}): ${item.review.join('; ') || 'unsure'}`]);
    }
  }
}

type Entry = Record<string, unknown>;

/** An existing person as declared, with the roles this text adds that it did not have. */
function existingPerson(person: PersonDraft, declaration: Entry, notes: Notes): Entry {
  const roles = person.roles
    .filter((r) => !r.known)
    .map((r) => ({
      id: r.id,
      title: r.title,
      organization: r.organizationId,
      status: r.status,
    }));
  const knownRoles = (declaration.roles as { title: string; organization: string }[] | undefined) ?? [];
  const added = roles.filter(
    (r) =>
      !knownRoles.some((k) => k.title.toLowerCase() === r.title.toLowerCase() && k.organization === r.organization),
  );
  if (added.length > 0) {
    const titles = added.map((r) => r.title).join(', ');
    notes.set(person.id, [`existing person; roles added from this text: ${titles} (check they are not duplicates)`]);
  }
  return compact({ ...declaration, roles: [...knownRoles, ...added] });
}

function entitySections(
  draft: Draft,
  notes: Notes,
): Record<'places' | 'organizations' | 'people' | 'metrics' | 'topics', Entry[]> {
  const existingIds = [...draft.places, ...draft.organizations, ...draft.people, ...draft.metrics, ...draft.topics]
    .filter((e) => e.existing)
    .map((e) => e.id);
  const copied = withDependencies(draft.known, existingIds);
  for (const entity of copied) notes.set(entity.id, ['existing entity: declared as it already is']);
  const copiedOf = (kind: KnownEntity['kind']) =>
    copied.filter((k) => k.kind === kind).map((k) => ({ ...k.declaration }));
  const added = <T extends { existing: boolean; id: string }>(items: T[], entry: (item: T) => Entry) =>
    items.filter((item) => !item.existing).map(entry);
  return {
    places: [
      ...copiedOf('place'),
      ...added(draft.places, (p) => {
        notes.review(p);
        return compact({ id: p.id, name: p.name, kind: p.kind, isoCode: p.isoCode });
      }),
    ],
    organizations: [
      ...copiedOf('organization'),
      ...added(draft.organizations, (o) => {
        notes.review(o);
        return compact({ id: o.id, name: o.name, fullName: o.fullName, kind: o.kind });
      }),
    ],
    people: draft.people.flatMap((p): Entry[] => {
      if (p.shared) return [];
      if (p.existing) return [existingPerson(p, { ...(copied.find((k) => k.id === p.id)?.declaration ?? {}) }, notes)];
      notes.review(p);
      const roles = p.roles.map((r) => ({
        id: r.id,
        title: r.title,
        organization: r.organizationId,
        status: r.status,
      }));
      return [compact({ id: p.id, name: p.name, description: p.description, roles })];
    }),
    metrics: [
      ...copiedOf('metric'),
      ...added(draft.metrics, (m) =>
        compact({ id: m.id, name: m.name, description: m.description, unit: m.unit, place: m.placeId }),
      ),
    ],
    topics: [...copiedOf('topic'), ...draft.topics.filter((t) => !t.existing).map((t) => ({ id: t.id, name: t.name }))],
  };
}

/** Figures whose period the format can express; the others stay in the items, flagged. */
function figureSection(draft: Draft, notes: Notes): Entry[] {
  return draft.figures
    .filter((f) => f.period?.expression)
    .map((f) => {
      notes.review(f);
      // The format has no field for it: the reviewer sees which level a change changes.
      if (f.changeOf) notes.set(f.id, [...(notes.byId.get(f.id) ?? []), `a change of ${f.changeOf}`]);
      return compact({
        id: f.id,
        kind: f.kind === 'forecast' ? f.kind : undefined,
        metric: f.metricId,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        period: f.period?.expression,
        periodWords: f.period?.words && draft.text.includes(f.period.words) ? f.period.words : undefined,
        place: f.placeId,
        ...quoteFields(draft.text, f.span.start, f.span.end),
      });
    });
}

function targetSection(draft: Draft, notes: Notes): Entry[] {
  return draft.targets.map((t) => {
    notes.review(t);
    const { id, name, metricId: metric, comparator, threshold, unit, deadline, placeId: place, setById: setBy } = t;
    return compact({ id, name, metric, comparator, threshold, unit, deadline, place, setBy });
  });
}

function claimSection(draft: Draft, notes: Notes, writtenFigures: Set<string>): Entry[] {
  return draft.claims.map((c) => {
    notes.review(c);
    return compact({
      id: c.id,
      text: c.text,
      kind: c.kind,
      attribution: c.attribution,
      speaker: c.speakerId,
      role: c.roleId,
      ...quoteFields(draft.text, c.span.start, c.span.end),
      figures: c.figureIds.filter((id) => writtenFigures.has(id)),
      metrics: c.metricIds,
      targets: c.targetIds,
      topics: [...new Set([...c.causeIds, ...c.effectIds])],
      causes: c.causeIds,
      effects: c.effectIds,
    });
  });
}

export function annotationObject(draft: Draft): { annotation: Entry; notes: Map<string, string[]> } {
  const notes = new Notes();
  const entities = entitySections(draft, notes);
  const figures = figureSection(draft, notes);
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
    ...entities,
    figures,
    targets: targetSection(draft, notes),
    claims: claimSection(draft, notes, new Set(figures.map((f) => String(f.id)))),
  });
  return { annotation, notes: notes.byId };
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
    ...draft.people
      .filter((p) => p.shared && p.review.length > 0)
      .map((p) => ` SHARED ${p.id} (not declared here): ${p.review.join('; ')}`),
    ...draft.figures
      .filter((f) => !f.period?.expression)
      .map(
        (f) =>
          ` NOT WRITTEN: figure "${draft.text.slice(f.span.start, f.span.end)}": ${f.review.join('; ') || 'no period'}`,
      ),
  ];
  document.commentBefore = header.join('\n');
  return document.toString({ lineWidth: 0 });
}
