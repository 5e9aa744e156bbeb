/**
 * People and their roles as the text states them: an apposition after the name ("Miao Wei,
 * vice chairman of the Committee on ... and former minister of industry and IT"), a title
 * before it ("Hua Bank chief economist Li Na", "analyst Tom Baker"). A role needs an
 * organisation in the format; a stated role without one ("an automobile industry analyst")
 * becomes the person's description instead.
 */
import type { EntityBook } from './entities';
import { findKnownRole } from './linking';
import { organizationKind } from './organizations';
import type { OrganizationDraft, PersonDraft, RoleDraft, Span } from './types';

const TITLES = [
  'vice chairman',
  'vice chairwoman',
  'vice chair',
  'vice president',
  'vice minister',
  'deputy minister',
  'deputy director',
  'deputy head',
  'director-general',
  'director general',
  'secretary-general',
  'secretary general',
  'chief executive',
  'chief economist',
  'chief analyst',
  'chief scientist',
  'chief strategist',
  'general manager',
  'managing director',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'president',
  'minister',
  'director',
  'head',
  'chief',
  'ceo',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'secretary',
  'governor',
  'mayor',
  'professor',
  'researcher',
  'analyst',
  'economist',
  'scientist',
  'founder',
  'co-founder',
  'manager',
  'partner',
  'senator',
  'lawmaker',
  'ambassador',
  'commissioner',
  'adviser',
  'advisor',
  'lecturer',
  'fellow',
  'engineer',
  'editor',
  'strategist',
  'officer',
  'executive',
  'leader',
  'owner',
  'expert',
  'consultant',
  'dean',
  'premier',
  'member',
];
const TITLE_PATTERN = TITLES.map((t) => t.replace(/ /g, '\\s+')).join('|');
const TITLE_WORD = new RegExp(`\\b(?:${TITLE_PATTERN})\\b`, 'i');
/** A title as it starts a sentence ("Governor Helena Strand said"): its first letter may be a capital. */
const TITLE_PATTERN_CAPITAL = TITLES.map(
  (t) => `[${t.charAt(0)}${t.charAt(0).toUpperCase()}]${t.slice(1).replace(/ /g, '\\s+')}`,
).join('|');
/** "Their chief economist, Lars Moe": a possessive before the title belongs to the role phrase. */
const POSSESSIVE = /^(?:Their|Its|His|Her|Our)\s+$/;

export interface StatedRole extends Span {
  /** As written: "former minister of industry and IT". */
  phrase: string;
  title: string;
  status: 'current' | 'former';
  organizationName?: string;
  organizationSpan?: Span;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function titleCase(text: string): string {
  return text.replace(/\b(?!(?:and|of|the|for|on)\b)\p{Ll}/gu, (letter) => letter.toUpperCase());
}

/** Reads one role phrase: title, status and the organisation after "of" or "at". */
export function parseRole(phrase: string, start: number): StatedRole | undefined {
  if (!TITLE_WORD.test(phrase)) return undefined;
  const status = /\b(?:former|ex-|then-)/i.test(phrase) ? 'former' : 'current';
  const bare = phrase.replace(/^(?:an?|the)\s+/i, '').replace(/^(?:former|ex-|then-)\s*/i, '');
  const split = /\s+(?:of|at|with|for|from)\s+(?:the\s+)?/.exec(bare);
  const end = start + phrase.length;
  if (!split) return { start, end, phrase, title: capitalise(bare), status };
  const title = bare.slice(0, split.index);
  const rest = bare.slice(split.index + split[0].length);
  const restStart = start + phrase.indexOf(rest, phrase.length - bare.length + split.index);
  if (!TITLE_WORD.test(title)) return undefined;
  if (/^\p{Lu}/u.test(rest)) {
    return {
      start,
      end,
      phrase,
      title: capitalise(title),
      status,
      organizationName: rest,
      organizationSpan: { start: restStart, end: restStart + rest.length },
    };
  }
  // "minister of industry and IT": a lower-case field, not a name. A minister of X heads the
  // Ministry of X, so that is its organisation; any other title keeps the field in its title.
  if (/^minister$/i.test(title.trim())) {
    return {
      start,
      end,
      phrase,
      title: capitalise(`${title} of ${rest}`),
      status,
      organizationName: `Ministry of ${titleCase(rest)}`,
    };
  }
  return { start, end, phrase, title: capitalise(`${title} ${split[0].trim()} ${rest}`), status };
}

/** The role phrases of an apposition after a name, split at "and" before a second title. */
export function appositionRoles(text: string, nameEnd: number, limit: number): StatedRole[] {
  const after = text.slice(nameEnd, Math.min(limit, nameEnd + 300));
  const match =
    /^,\s+((?:an?\s+|the\s+)?[^,;()"“”]+?)(?=\s*(?:,|;|\.(?:\s|$)|\s+(?:said|says|told|added|warned|noted|believes)\b|$))/.exec(
      after,
    );
  if (!match?.[1]) return [];
  const phrase = match[1];
  const phraseStart = nameEnd + match[0].indexOf(phrase);
  const parts = phrase.split(new RegExp(`\\s+and\\s+(?=(?:former\\s+|an?\\s+|the\\s+)?(?:${TITLE_PATTERN})\\b)`, 'i'));
  const roles: StatedRole[] = [];
  let cursor = 0;
  for (const part of parts) {
    const at = phrase.indexOf(part, cursor);
    cursor = at + part.length;
    const role = parseRole(part, phraseStart + at);
    if (role) roles.push(role);
  }
  return roles;
}

/** A title just before a name: "Hua Bank chief economist Li Na", "analyst Tom Baker". */
export function prefixRole(text: string, nameStart: number, floor: number): StatedRole | undefined {
  const before = text.slice(Math.max(floor, nameStart - 80), nameStart);
  const match = new RegExp(
    `((?:[A-Z][\\p{L}'’&-]*\\s+){0,4})((?:[Ff]ormer\\s+)?(?:[a-z-]+\\s+)?(?:${TITLE_PATTERN_CAPITAL}))(?:,\\s+|\\s+)$`,
    'u',
  ).exec(before);
  if (!match?.[2]) return undefined;
  const start = nameStart - before.length + match.index;
  const organizationName = match[1]?.trim();
  const title = match[2].replace(/^former\s+/i, '');
  const status = /^former/i.test(match[2]) ? 'former' : 'current';
  const end = start + match[0].replace(/[\s,]+$/, '').length;
  if (organizationName && organizationKind(organizationName) && /^[a-z]/.test(title)) {
    return {
      start,
      end,
      phrase: match[0].replace(/[\s,]+$/, ''),
      title: capitalise(title),
      status,
      organizationName,
      organizationSpan: { start, end: start + organizationName.length },
    };
  }
  const possessive = POSSESSIVE.test(match[1] ?? '');
  const titleStart = nameStart - before.length + match.index + (possessive ? 0 : (match[1]?.length ?? 0));
  const phrase = text.slice(titleStart, end);
  return { start: titleStart, end, phrase, title: capitalise(title), status };
}

/**
 * Names that compromise misses but the text marks as a person by stating a role after them:
 * "Miao Wen, a battery engineer at ...". Two to four capitalised words, then a comma and a title.
 */
export function namesBeforeRoles(text: string, paragraph: Span): { text: string; start: number; end: number }[] {
  const pattern = new RegExp(
    `(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:de|van|von|da|\\p{Lu}[\\p{L}'’-]+)){1,3}),\\s+(?:an?\\s+|the\\s+)?(?:former\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}(?:${TITLE_PATTERN})\\b`,
    'gu',
  );
  return [...text.slice(paragraph.start, paragraph.end).matchAll(pattern)].map((match) => {
    const start = paragraph.start + (match.index ?? 0);
    return { text: match[1] ?? '', start, end: start + (match[1] ?? '').length };
  });
}

/** Records a stated role on a person: as a role when it names an organisation, else as description. */
export function addRole(book: EntityBook, person: PersonDraft, role: StatedRole): RoleDraft | undefined {
  const known = person.existing ? linkKnownRole(book, person, role) : undefined;
  if (known) return known;
  if (person.shared) {
    // A shared person is declared only in the entities file, so a role the text adds cannot be
    // written in the draft: the reviewer adds it there.
    person.review.push(`role "${role.phrase}" is not among the shared roles: add it to the entities file`);
    return undefined;
  }
  if (!role.organizationName) {
    person.description ??= role.phrase.replace(/^the\s+/i, '');
    return undefined;
  }
  const organization: OrganizationDraft = book.addOrganization(
    role.organizationName,
    organizationKind(role.organizationName) ?? 'organization',
    role.organizationSpan ?? { start: role.start, end: role.end },
  );
  if (!role.organizationSpan)
    organization.review.push(`named after the role "${role.phrase}"; check the official name`);
  const existing = person.roles.find(
    (r) => r.organizationId === organization.id && r.title.toLowerCase() === role.title.toLowerCase(),
  );
  if (existing) return existing;
  const draft: RoleDraft = {
    id: book.ids.allocate(`${person.id} ${role.title} ${organization.id}`, 10),
    title: role.title,
    organizationId: organization.id,
    status: role.status,
    span: { start: role.start, end: role.end },
  };
  person.roles.push(draft);
  return draft;
}

/** An existing person's declared role that the text states again, and its organisation linked. */
function linkKnownRole(book: EntityBook, person: PersonDraft, role: StatedRole): RoleDraft | undefined {
  const known = findKnownRole(person.knownRoles, role.title, role.status);
  if (!known) return undefined;
  if (known.organization && role.organizationName)
    book.linkOrganization(
      known.organization,
      role.organizationName,
      role.organizationSpan ?? { start: role.start, end: role.end },
    );
  const already = person.roles.find((r) => r.id === known.id);
  if (already) return already;
  const draft: RoleDraft = {
    id: known.id,
    known: true,
    title: known.title,
    organizationId: known.organization ?? '',
    status: known.status === 'former' ? 'former' : 'current',
    span: { start: role.start, end: role.end },
  };
  person.roles.push(draft);
  return draft;
}

/**
 * Names a title comes just before ("chief executive Priya Raman", "Governor Helena Strand",
 * "Their chief economist, Lars Moe"): people compromise may miss, whose title is a stated role.
 */
export function namesAfterTitles(text: string, paragraph: Span): { text: string; start: number; end: number }[] {
  const pattern = new RegExp(
    `(?<![\\p{L}])(?:${TITLE_PATTERN_CAPITAL}),?\\s+(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})(?![\\p{L}])`,
    'gu',
  );
  return [...text.slice(paragraph.start, paragraph.end).matchAll(pattern)].map((match) => {
    const name = match[1] ?? '';
    const start = paragraph.start + (match.index ?? 0) + match[0].lastIndexOf(name);
    return { text: name, start, end: start + name.length };
  });
}
