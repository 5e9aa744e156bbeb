/**
 * People and places that compromise recognises in the body, read in one pass (compromise's
 * tagging is the costliest step of a draft, so it runs once per text, not once per sentence).
 */
import { compromiseNlp } from './nlp';
import type { Span } from './types';

export interface NameMention extends Span {
  text: string;
  /** For places: compromise's tag, Country, City or Region. */
  tag?: string;
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Honorifics and titles compromise keeps inside a name ("Minister Anna Berg", "Dr Julia Sørensen"). */
const LEADING_TITLES =
  /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame|President|Premier|Minister|Chairman|Director|Mayor|Governor|Senator|Judge)\.?\s+)+/;

export function cleanName(text: string): string {
  return text
    .replace(/['’]s$/, '')
    .replace(LEADING_TITLES, '')
    .replace(/[\s,.;:!?)"”]+$/, '')
    .trim();
}

function termGroups(view: { json: (options: object) => unknown }): TermJson[][] {
  const matches = view.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[];
  return matches.map((match) => match.terms);
}

export function findNames(text: string, body: Span): { people: NameMention[]; places: NameMention[] } {
  const bodyText = text.slice(body.start, body.end);
  const doc = compromiseNlp()(bodyText);
  const people: NameMention[] = [];
  for (const terms of termGroups(doc.people())) {
    const first = terms[0];
    const last = terms[terms.length - 1];
    if (!first || !last) continue;
    const raw = bodyText.slice(first.offset.start, last.offset.start + last.offset.length);
    const name = cleanName(raw);
    // A single word is too weak to be a new person; it may still be a short reference to one.
    if (name.split(/\s+/).length < 2 || !/^\p{Lu}/u.test(name)) continue;
    const start = body.start + first.offset.start + raw.indexOf(name);
    people.push({ text: name, start, end: start + name.length });
  }
  const places: NameMention[] = [];
  for (const terms of termGroups(doc.places())) {
    // One match can hold two places ("United States, Guangdong province"): split where the tag changes.
    let group: TermJson[] = [];
    const flush = () => {
      const first = group[0];
      const last = group[group.length - 1];
      group = [];
      if (!first || !last) return;
      const raw = bodyText.slice(first.offset.start, last.offset.start + last.offset.length);
      const name = cleanName(raw);
      if (!/^\p{Lu}/u.test(name)) return;
      const start = body.start + first.offset.start + raw.indexOf(name);
      const tag = first.tags.find((t) => t === 'Country' || t === 'City' || t === 'Region');
      places.push({ text: name, start, end: start + name.length, tag });
    };
    for (const term of terms) {
      const tag = term.tags.find((t) => t === 'Country' || t === 'City' || t === 'Region');
      const previous = group[group.length - 1];
      const previousTag = previous?.tags.find((t) => t === 'Country' || t === 'City' || t === 'Region');
      if (!tag || !/^\p{Lu}/u.test(term.text) || (previous && (previousTag !== tag || /[,;]$/.test(previous.text))))
        flush();
      if (tag && /^\p{Lu}/u.test(term.text)) group.push(term);
    }
    flush();
  }
  return { people, places };
}
