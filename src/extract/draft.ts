/**
 * From a raw text and its metadata to a draft annotation: body, entities, claims with their
 * figures, then the YAML and the items with code point spans. Knows nothing of GraphQL or
 * Neo4j: the caller passes the existing entities to link to.
 */
import { findBody } from './body';
import { ClaimDrafter } from './claims';
import type { Draft, DraftItem, DraftMeta } from './draft-types';
import { EntityBook } from './entities';
import { findEntities } from './find-entities';
import { slugify } from './slug';
import { checkText, codePointIndexer, DraftInputError } from './text-input';
import type { KnownEntity, Span } from './types';
import { writeYaml } from './yaml-writer';

export interface DraftInput {
  /** Names the input in errors and warnings: a file name, or "input" for the API. */
  name: string;
  text: string;
  meta: DraftMeta;
  textFile: string;
  metaFile: string;
  known: readonly KnownEntity[];
  /** Ids of other shared nodes (topics, targets, roles) that new items must not take. */
  takenIds?: readonly string[];
}

export interface DraftResult {
  draft: Draft;
  yaml: string;
  items: DraftItem[];
}

function publisherOf(book: EntityBook, meta: DraftMeta, warnings: string[]): string {
  if (!meta.publisher) {
    warnings.push('no publisher in the metadata: the outlet is "unknown-publisher"; replace it');
    return book.addOrganization('Unknown publisher', 'news outlet', undefined).id;
  }
  return book.addOrganization(meta.publisher, 'news outlet', undefined).id;
}

export function draftAnnotation(input: DraftInput): DraftResult {
  const { text, meta } = input;
  checkText(input.name, text);
  const body = findBody(text, meta.title);
  if (!body) {
    throw new DraftInputError(input.name, 'no sentences found: the text has no paragraph of prose to draft from');
  }
  if (body === 'repeated') {
    throw new DraftInputError(
      input.name,
      'the article body occurs twice in the text: its first and last words are not unique',
    );
  }
  const warnings: string[] = [];
  if (!meta.publishedDate)
    warnings.push('no publication date in the metadata: relative periods ("last year") are left unresolved');
  const book = new EntityBook(input.known, input.takenIds);
  const publisherId = publisherOf(book, meta, warnings);
  const biographical = findEntities(text, book, body.prose, body);
  const drafter = new ClaimDrafter({ text, book, publisherId, published: meta.publishedDate });
  for (const paragraph of body.prose) drafter.paragraph(paragraph);
  const drafted = drafter.result();
  for (const claim of biographical) claim.speakerId = publisherId;
  const claims = [...drafted.claims, ...biographical].sort((a, b) => a.span.start - b.span.start);
  if (claims.length === 0)
    throw new DraftInputError(input.name, 'no claims found: no sentence of the body makes a statement');
  const quoted = [...new Set(claims.filter((c) => c.attribution === 'direct-quote').map((c) => c.speakerId))].filter(
    (id) => book.people.some((p) => p.id === id),
  );
  const interview = /\binterview\b/i.test(text.slice(body.start, body.end)) && quoted.length > 0;
  const draft: Draft = {
    text,
    sourceId: slugify(
      `${meta.publisher ?? 'source'} ${meta.publishedDate ?? ''} ${meta.title ?? input.textFile.replace(/\.txt$/, '')}`,
      9,
    ),
    textFile: input.textFile,
    metaFile: input.metaFile,
    sourceKind: interview ? 'interview' : 'article',
    publisherId,
    interviewees: interview ? quoted : [],
    body,
    places: book.places,
    organizations: book.organizations,
    people: book.people,
    metrics: book.metrics,
    figures: drafted.figures,
    targets: drafted.targets,
    topics: drafted.topics,
    claims,
    known: input.known,
    warnings,
  };
  return { draft, yaml: writeYaml(draft), items: draftItems(draft) };
}

export function draftItems(draft: Draft): DraftItem[] {
  const at = codePointIndexer(draft.text);
  const item = (type: DraftItem['type'], id: string, span: Span, confidence: number, review: string[]): DraftItem => ({
    type,
    id,
    quote: draft.text.slice(span.start, span.end),
    start: at(span.start),
    end: at(span.end),
    confidence,
    review,
  });
  return [
    item(
      'body',
      draft.sourceId,
      draft.body,
      0.8,
      draft.body.skipped.map((p) => `skipped ${p.boilerplate}: "${p.text.slice(0, 40)}"`),
    ),
    ...draft.claims.map((c) => item('claim', c.id, c.span, c.confidence, c.review)),
    ...draft.figures.map((f) => ({ ...item('figure', f.id, f.span, f.confidence, f.review), changeOf: f.changeOf })),
    ...draft.targets.map((t) => item('target', t.id, t.span, t.confidence, t.review)),
    ...draft.people.flatMap((p) => [
      ...p.spans.slice(0, 1).map((s) => item('person', p.id, s, p.confidence, p.review)),
      ...p.roles.map((r) => item('role', r.id, r.span, 0.75, [])),
    ]),
    ...draft.organizations.flatMap((o) =>
      o.spans.slice(0, 1).map((s) => item('organization', o.id, s, o.confidence, o.review)),
    ),
    ...draft.places.flatMap((p) => p.spans.slice(0, 1).map((s) => item('place', p.id, s, p.confidence, p.review))),
  ];
}
