/**
 * Entity linking: a person, organisation, place or metric the draft finds is referenced by the
 * id it already has (in the graph or the shared annotation files) when the names agree. Names
 * must agree exactly after normalisation (case, "the", punctuation, accents); a near miss
 * proposes a new entity instead, because a wrong link merges two things in the graph, while a
 * missed one only costs the reviewer an edit. Metrics match more loosely but only with the
 * same unit and place, so that "NEV market share" meets "NEV share of new car sales".
 */
import type { KnownEntity } from './types';

export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

export function findKnown(
  known: readonly KnownEntity[],
  kind: KnownEntity['kind'],
  name: string,
): KnownEntity | undefined {
  const wanted = normalizeName(name);
  if (wanted === '') return undefined;
  return known.find(
    (entity) =>
      entity.kind === kind && [entity.name, ...entity.aliases].some((alias) => normalizeName(alias) === wanted),
  );
}

const STOP_WORDS = new Set([
  'of',
  'the',
  'a',
  'an',
  'in',
  'for',
  'and',
  'as',
  'to',
  'number',
  'total',
  'new',
  'per',
  'on',
]);

/** Content words, singular, with the synonyms metric names use interchangeably. */
function metricWords(text: string): Set<string> {
  const synonyms: Record<string, string> = {
    nevs: 'nev',
    vehicles: 'vehicle',
    cars: 'car',
    sales: 'sale',
    exports: 'export',
    imports: 'import',
    stations: 'station',
    growth: 'growth',
    rate: 'rate',
  };
  const words = normalizeName(text)
    .split(' ')
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map((word) => synonyms[word] ?? word.replace(/(?<=[a-z]{3})s$/, ''));
  return new Set(words);
}

/**
 * A known metric whose unit and place equal the draft's and whose name and description contain
 * every content word of the draft's name, the last word (the thing measured) in the name itself.
 */
export function findKnownMetric(
  known: readonly KnownEntity[],
  name: string,
  unit: string,
  placeId: string | undefined,
): KnownEntity | undefined {
  const wanted = metricWords(name);
  const head = [...metricWords(name.split(/\s+/).slice(-1).join(' '))][0];
  // A one-word name ("growth", "output") says too little to link: it would meet any metric of its kind.
  if (wanted.size < 2 || !head) return undefined;
  const candidates = known.filter(
    (entity) =>
      entity.kind === 'metric' &&
      entity.unit?.toLowerCase() === unit.toLowerCase() &&
      (entity.placeId === undefined || placeId === undefined || entity.placeId === placeId),
  );
  const scored = candidates
    .map((entity) => {
      const nameWords = metricWords(entity.name);
      const allWords = new Set([...nameWords, ...metricWords(entity.aliases.join(' '))]);
      const covered = [...wanted].filter((word) => allWords.has(word)).length / wanted.size;
      const extra = [...nameWords].filter((word) => !wanted.has(word)).length;
      return { entity, covered, extra, headInName: nameWords.has(head) };
    })
    .filter((candidate) => candidate.covered === 1 && candidate.headInName)
    .sort((a, b) => a.extra - b.extra);
  return scored[0]?.entity;
}

export interface KnownRole {
  id: string;
  title: string;
  organization?: string;
  status: string;
}

/** "Minister of Industry and IT" → "minister": the title without the field or body it names. */
function titleHead(title: string): string {
  return normalizeName(title.split(/\s+of\s+/i)[0] ?? title);
}

/**
 * The declared role of an existing person that a role stated in the text is: the same title, or
 * the same head title ("minister" of "Minister of Industry and IT") with the same status when
 * only one declared role has that head. The person is already linked by name, so the title is
 * enough; a second role with the same head is ambiguous and gets no link.
 */
export function findKnownRole(
  roles: readonly KnownRole[] | undefined,
  title: string,
  status: string,
): KnownRole | undefined {
  if (!roles || roles.length === 0) return undefined;
  const exact = roles.find((role) => normalizeName(role.title) === normalizeName(title));
  if (exact) return exact;
  const head = titleHead(title);
  const sameHead = roles.filter((role) => titleHead(role.title) === head);
  return sameHead.length === 1 && sameHead[0]?.status === status ? sameHead[0] : undefined;
}
