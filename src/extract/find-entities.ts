/**
 * The people, organisations and places of the body, found before the claims so that speaker
 * resolution can see them. Each role a person is stated to hold is also a `biographical` claim
 * in the outlet's voice, quoting the role phrase ("former minister of industry and IT").
 */
import type { EntityBook } from './entities';
import { findNames, type NameMention } from './names';
import { findOrganizations, findShortMentions, organizationKind } from './organizations';
import { addRole, appositionRoles, namesAfterTitles, namesBeforeRoles, prefixRole, type StatedRole } from './people';
import { addPlace, gazetteerMentions } from './places';
import type { ClaimDraft, PersonDraft, Span } from './types';

function biographicalClaim(book: EntityBook, person: PersonDraft, role: StatedRole, organization?: string): ClaimDraft {
  const title = `${role.title.charAt(0).toLowerCase()}${role.title.slice(1)}`;
  const of = organization && !role.title.includes(' of ') ? ` of ${organization}` : '';
  return {
    id: book.ids.allocate(`${person.name} ${role.title}`, 8),
    span: { start: role.start, end: role.end },
    text: `${person.name} is ${role.status === 'former' ? 'a former ' : ''}${title}${of}.`,
    kind: 'biographical',
    attribution: 'narration',
    speakerId: '', // the publisher, set by the caller
    figureIds: [],
    metricIds: [],
    targetIds: [],
    causeIds: [],
    effectIds: [],
    confidence: 0.75,
    review: [],
  };
}

/** compromise's people and the names a stated role marks, in text order, organisations left out. */
function personMentions(text: string, names: NameMention[], prose: Span[]): NameMention[] {
  const inProse = (span: Span) => prose.some((p) => span.start >= p.start && span.end <= p.end);
  const stated = prose.flatMap((paragraph) => [
    ...namesBeforeRoles(text, paragraph),
    ...namesAfterTitles(text, paragraph),
  ]);
  const found = (s: Span, among: Span[]) => among.some((p) => p.start <= s.start && p.end >= s.end);
  const unique = stated.filter((s, i) => !found(s, names) && !found(s, stated.slice(0, i)));
  return [...names, ...unique]
    .filter(inProse)
    .filter((mention) => !organizationKind(mention.text))
    .sort((a, b) => a.start - b.start);
}

function addPeople(text: string, book: EntityBook, mentions: NameMention[], prose: Span[]): ClaimDraft[] {
  const biographical: ClaimDraft[] = [];
  for (const mention of mentions) {
    if (book.findOrganization(mention.text)) continue;
    // "De Vries" after "Marieke de Vries": a short reference to the same person, not a new one.
    const suffix = ` ${mention.text.toLowerCase()}`;
    if (mentions.some((other) => other.text.length > mention.text.length && other.text.toLowerCase().endsWith(suffix)))
      continue;
    const person = book.addPerson(mention.text, mention);
    const paragraph = prose.find((p) => mention.start >= p.start && mention.end <= p.end)!;
    const prefix = prefixRole(text, mention.start, paragraph.start);
    for (const role of [...(prefix ? [prefix] : []), ...appositionRoles(text, mention.end, paragraph.end)]) {
      const drafted = addRole(book, person, role);
      const organization = book.organizations.find((o) => o.id === drafted?.organizationId);
      biographical.push(biographicalClaim(book, person, role, organization?.fullName ?? organization?.name));
    }
  }
  return biographical;
}

/** Fills the book; returns the biographical claims of the stated roles. */
export function findEntities(text: string, book: EntityBook, prose: Span[], body: Span): ClaimDraft[] {
  const names = findNames(text, body);
  const inProse = (span: Span) => prose.some((p) => span.start >= p.start && span.end <= p.end);
  for (const mention of findOrganizations(text, prose)) {
    // With an acronym, the acronym is the caption and the long form the full name (as "CGTN").
    book.addOrganization(
      mention.acronym ?? mention.name,
      mention.kind,
      mention,
      mention.acronym ? mention.name : undefined,
    );
  }
  const biographical = addPeople(text, book, personMentions(text, names.people, prose), prose);
  for (const mention of [...names.places, ...gazetteerMentions(text, body)].filter(inProse)) addPlace(book, mention);
  // Short references ("Miao", "NBS") are mentions too: pronouns resolve to the last one.
  for (const person of book.people) {
    const parts = person.name.split(/\s+/).filter((part) => part.length > 2);
    for (const span of findShortMentions(text, prose, parts)) book.noteMention(person.id, 'person', span);
  }
  return biographical;
}
