/**
 * Speaker resolution: the words a frame names the speaker with ("he", "Miao", "the ministry",
 * "Li Na, chief economist at Hua Bank") resolved to an entity of the draft.
 *   - a pronoun is the person (he, she) or organisation (it, they) mentioned last before it;
 *   - a single name is the person whose first or last name it is ("Miao" for "Miao Wei"), or an
 *     organisation's name or acronym;
 *   - "the ministry", "the bureau" is the last organisation whose name has that word; "the
 *     analyst" the last person whose description or role has it;
 *   - a full name nobody mentioned before becomes a new person (a name in a speech frame is a
 *     speaker), unless it reads as an organisation.
 */
import { UNNAMED_SOURCES } from './cues';
import type { EntityBook } from './entities';
import { normalizeName } from './linking';
import { cleanName } from './names';
import { organizationKind } from './organizations';
import type { SpeakerMention } from './quotes';

export interface ResolvedSpeaker {
  id: string;
  kind: 'person' | 'organization';
  confidence: number;
  review?: string;
}

function lastMentioned(
  book: EntityBook,
  before: number,
  kind: 'person' | 'organization',
  accept: (id: string) => boolean = () => true,
) {
  let best: { id: string; start: number } | undefined;
  for (const mention of book.mentions) {
    if (mention.kind === kind && mention.start < before && (!best || mention.start > best.start) && accept(mention.id))
      best = mention;
  }
  return best?.id;
}

function byWord(book: EntityBook, word: string): ResolvedSpeaker | undefined {
  const key = normalizeName(word);
  const people = book.people.filter((p) =>
    normalizeName(p.name)
      .split(' ')
      .some((part) => part === key),
  );
  if (people.length === 1 && people[0]) return { id: people[0].id, kind: 'person', confidence: 0.9 };
  if (people.length > 1) return undefined; // two people share the name: refuse to pick
  const organization = book.organizations.find(
    (o) => normalizeName(o.name) === key || normalizeName(o.fullName ?? '') === key,
  );
  return organization ? { id: organization.id, kind: 'organization', confidence: 0.9 } : undefined;
}

export function resolveSpeaker(book: EntityBook, mention: SpeakerMention): ResolvedSpeaker | undefined {
  const words = mention.text.replace(/^the\s+/i, (m) => m.toLowerCase()).trim();
  const lower = words.toLowerCase();
  if (lower === 'he' || lower === 'she') {
    const id = lastMentioned(book, mention.start, 'person');
    return id
      ? { id, kind: 'person', confidence: 0.8, review: `"${words}" resolved to the last person mentioned` }
      : undefined;
  }
  if (lower === 'it' || lower === 'they') {
    const id = lastMentioned(book, mention.start, 'organization');
    return id
      ? { id, kind: 'organization', confidence: 0.6, review: `"${words}" resolved to the last organisation mentioned` }
      : undefined;
  }
  // "Economists at Fjord Securities": the people are unnamed, the organisation is not.
  const at = /^(?:\S+\s+)?(?:analysts|officials|experts|economists|researchers)\s+(?:at|from|with)\s+(.+)$/i.exec(
    words,
  );
  if (at?.[1]) {
    const organization =
      book.findOrganization(at[1]) ?? book.addOrganization(at[1], organizationKind(at[1]) ?? 'organization', mention);
    return {
      id: organization.id,
      kind: 'organization',
      confidence: 0.75,
      review: `"${words}": the organisation is given as the speaker`,
    };
  }
  if (lower === 'we' || lower === 'i' || UNNAMED_SOURCES.test(words)) return undefined;
  const short = /^(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?=[a-z])/.exec(words);
  if (short) {
    const noun = lower.split(' ').pop() ?? '';
    const organization = lastMentioned(book, mention.start, 'organization', (id) => {
      // "the ministry" by its name, "the company" by its kind.
      const found = book.organizations.find((o) => o.id === id);
      return Boolean(found && (normalizeName(found.name).includes(noun) || found.kind.includes(noun)));
    });
    if (organization)
      return { id: organization, kind: 'organization', confidence: 0.75, review: `"${words}" resolved by its noun` };
    const hasNoun = (id: string) => {
      const found = book.people.find((p) => p.id === id);
      const titles = `${found?.description ?? ''} ${found?.roles.map((r) => r.title).join(' ') ?? ''}`;
      return Boolean(found && titles.toLowerCase().includes(noun));
    };
    // "..., its chief executive told CGTN" may come before the sentence that names her: look ahead then.
    const person = lastMentioned(book, mention.start, 'person', hasNoun) ?? book.people.find((p) => hasNoun(p.id))?.id;
    return person
      ? { id: person, kind: 'person', confidence: 0.7, review: `"${words}" resolved by its noun` }
      : undefined;
  }
  const name = cleanName(words.replace(/^the\s+/i, ''));
  const person = book.findPerson(name);
  if (person) return { id: person.id, kind: 'person', confidence: 0.95 };
  const organization = book.findOrganization(name);
  if (organization) return { id: organization.id, kind: 'organization', confidence: 0.95 };
  if (!name.includes(' ')) return byWord(book, name);
  if (organizationKind(name)) {
    const created = book.addOrganization(name, organizationKind(name) ?? 'organization', mention);
    return { id: created.id, kind: 'organization', confidence: 0.7 };
  }
  // "De Vries" after "Marieke de Vries": a short reference to the person with that surname.
  const fuller = book.people.filter((p) => p.name.toLowerCase().endsWith(` ${name.toLowerCase()}`));
  if (fuller.length === 1 && fuller[0]) return { id: fuller[0].id, kind: 'person', confidence: 0.85 };
  // "Marieke de Vries" after a bare "De Vries": the same person, now with the full name.
  const shorter = book.people.find((p) => !p.existing && name.toLowerCase().endsWith(` ${p.name.toLowerCase()}`));
  if (shorter) {
    shorter.name = name;
    book.noteMention(shorter.id, 'person', mention);
    return { id: shorter.id, kind: 'person', confidence: 0.8 };
  }
  const created = book.addPerson(name, mention);
  return {
    id: created.id,
    kind: 'person',
    confidence: 0.7,
    review: `"${name}" was found only as a speaker; check that it is a person`,
  };
}
