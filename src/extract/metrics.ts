/**
 * What a figure measures: the noun phrase it is said of. "NEV exports skyrocketed by 77
 * percent" measures NEV exports; "the NEV market share in China exceeding 31 percent"
 * measures NEV market share, in China; "about 2.4 NEVs for every charging station" is a ratio
 * whose unit is "NEVs per charging station"; "over 50 percent of new car sales" is a share.
 */
import type { Token } from './types';

export interface Measured {
  name?: string;
  /** A place named inside the phrase ("in China", "China's"). */
  placeName?: string;
}

const SKIPPABLE = new Set(['VERB', 'AUX', 'ADV', 'PART']);
const SKIP_WORDS = new Set([
  'by',
  'to',
  'up',
  'down',
  'than',
  'more',
  'over',
  'about',
  'around',
  'nearly',
  'almost',
  'some',
  'of',
  'at',
  'from',
  'roughly',
  'approximately',
  'just',
  'least',
  'the',
  'a',
  'an',
  'its',
  'their',
]);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ']);

function isPlace(words: string, places: Set<string>): boolean {
  return places.has(words.replace(/['’]s$/, ''));
}

/**
 * Walks back from a number over its verb and qualifier ("skyrocketed by", "exceeding") to the
 * noun phrase before them; a place in "in China" or "China's" becomes the metric's place.
 */
export function measuredBefore(
  tokens: Token[],
  numberStart: number,
  clauseStart: number,
  places: Set<string>,
): Measured {
  let index = tokens.findIndex((t) => t.start >= numberStart) - 1;
  if (index < -1) index = tokens.length - 1;
  const inClause = (i: number) => i >= 0 && (tokens[i]?.start ?? -1) >= clauseStart;
  while (inClause(index) && (SKIPPABLE.has(tokens[index]!.pos) || SKIP_WORDS.has(tokens[index]!.text.toLowerCase())))
    index -= 1;
  let placeName: string | undefined;
  const phrase: string[] = [];
  const collect = () => {
    const words: string[] = [];
    while (
      inClause(index) &&
      (NOUNISH.has(tokens[index]!.pos) || tokens[index]!.text === "'s" || tokens[index]!.text === '’s')
    ) {
      words.unshift(tokens[index]!.text);
      index -= 1;
    }
    return words.join(' ').replace(/\s+(['’]s)/g, '$1');
  };
  let words = collect();
  // "the NEV market share in China": the place is not the thing measured; the phrase before is.
  // An unknown single proper name after "in" that follows a noun ("Tourist nights in Tromsø")
  // is a place too: a metric is measured somewhere.
  const unknownPlace =
    /^\p{Lu}[\p{L}-]+$/u.test(words) &&
    inClause(index - 1) &&
    /^(in|from)$/i.test(tokens[index]?.text ?? '') &&
    tokens[index - 1]?.pos === 'NOUN';
  if (
    words &&
    (isPlace(words, places) || unknownPlace) &&
    inClause(index) &&
    /^(in|of|for|from)$/i.test(tokens[index]!.text)
  ) {
    placeName = words.replace(/['’]s$/, '');
    index -= 1;
    words = collect();
  }
  // "sales of new cars": an "of" phrase belongs to the noun before it.
  while (
    words &&
    inClause(index) &&
    tokens[index]!.text.toLowerCase() === 'of' &&
    inClause(index - 1) &&
    NOUNISH.has(tokens[index - 1]!.pos)
  ) {
    index -= 1;
    words = `${collect()} of ${words}`;
  }
  const possessive = /^(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)*)['’]s\s+(.+)$/u.exec(words);
  if (possessive?.[1] && isPlace(possessive[1], places)) {
    placeName ??= possessive[1];
    words = possessive[2] ?? '';
  }
  phrase.push(words);
  const name = phrase.join(' ').trim();
  return { name: name === '' ? undefined : name, placeName };
}

/** "2.4 NEVs for every charging station": the unit is "NEVs per charging station". */
export function ratioAfter(after: string): { unit: string; length: number } | undefined {
  const match =
    /^\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:for every|for each|per)\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)(?=\s*(?:[,.;:]|$|\s(?:in|at|on|by|and|than)\b))/u.exec(
      after,
    );
  if (!match?.[1] || !match[2]) return undefined;
  return { unit: `${match[1]} per ${match[2]}`, length: match[0].length };
}

/** "percent of new car sales": the whole a share is of. */
export function shareOf(after: string): string | undefined {
  const match = /^\s+of\s+((?:(?!by\b|in\b|at\b|to\b|from\b|for\b|on\b|and\b)[\p{L}-]+\s*){1,5})/u.exec(after);
  return match?.[1]?.trim().replace(/^(?:the|all)\s+/, '');
}

/** The unit noun after a number: "1.2 million units", "3,400 jobs"; not "of" or a preposition. */
export function unitNounAfter(tokens: Token[], numberEnd: number): string | undefined {
  const index = tokens.findIndex((t) => t.start >= numberEnd);
  const next = tokens[index];
  // "tens of thousands of volunteers": what is counted follows "of".
  const counted = tokens[index + 1];
  if (next?.text === 'of' && counted && counted.pos === 'NOUN' && /s$/.test(counted.text)) return counted.text;
  if (!next || next.start - numberEnd > 2 || !(next.pos === 'NOUN' || next.pos === 'PROPN')) return undefined;
  return next.text;
}

/** "units" of vehicles are vehicles: metric units name the thing counted. */
export function normaliseUnit(unit: string, measured?: string): string {
  if (/^units?$/i.test(unit) && /\b(NEVs?|cars?|vehicles?|EVs?|trucks?|buses)\b/i.test(measured ?? ''))
    return 'vehicles';
  return unit;
}
