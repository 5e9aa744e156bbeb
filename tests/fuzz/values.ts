import fc from 'fast-check';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/**
 * fast-check arbitraries for argument values, driven by the schema's input types (scalars, enums,
 * input objects, lists, nullability) and by a dictionary of real values read from the graph, so that
 * a good share of the generated mutations gets past validation and writes. The name of the argument
 * or input field (`speaker`, `quote`, `publishedDate`...) picks the dictionary entry, as a tester
 * would; every value can also be degenerate or of the wrong kind.
 */

/** Real values read through the API at fuzz start (tests/fuzz/dictionary.ts). */
export interface Dictionary {
  /** Global ids by GraphQL type name: Claim, Source, Person, Organization, Metric, Figure, Topic, Role... */
  ids: Record<string, string[]>;
  /** Raw texts of the sources. */
  texts: string[];
  /** Exact quotes of claims and figures (each occurs in a source text). */
  quotes: string[];
  /** Dates seen in the graph: publication dates, periods, deadlines. */
  dates: string[];
  /** Cursors returned by the connections. */
  cursors: string[];
  /** Words of claim texts, for search and filters. */
  words: string[];
  /** Values of string fields by field name: kind, language, url, title. */
  strings: Record<string, string[]>;
}

/** Strings that have broken text handling before: empty, one char, size limits, marks, emoji, surrogates, CJK. */
export const DEGENERATE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a',
  '\t\n',
  '\u0000',
  '\u200b',
  '\ufeff',
  '\u0301',
  '\u0301\u0302\u0303\u0304',
  '\u0300'.repeat(300),
  'e\u0301',
  '👍🏽',
  '👨‍👩‍👧',
  '🇨🇳',
  '😀'.repeat(201),
  '\ud800',
  '\udc00',
  'a\ud83db',
  '新',
  '新能源汽车',
  '新能源汽车'.repeat(100),
  'مرحبا',
  'A'.repeat(200),
  'A'.repeat(201),
  'ж'.repeat(500),
  'ж'.repeat(501),
  "'",
  '"})',
  '`) DETACH DELETE n //',
  '$param',
  'a AND NOT b',
  '*',
  '~',
  '\\',
];

/** Near and past the 100 KB body limit; rare, because they are slow to anchor. */
export const HUGE_STRINGS: readonly string[] = ['x'.repeat(60_000), '新'.repeat(25_000), 'x'.repeat(110_000)];

const GLOBAL_ID_TYPES = ['Claim', 'Source', 'Person', 'Organization', 'Metric', 'Figure', 'Topic', 'Role', 'Nope'];

/** A global id the way src/modules/common/global-id.ts builds them: base64url("<Type>:<key>"). */
export const toGlobalId = (type: string, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');

/** Which kinds of id an argument or input field of this name takes; undefined: any. */
const ID_HINTS: Record<string, string[]> = {
  speaker: ['Person', 'Organization', 'VirtualPresenter'],
  source: ['Source'],
  claim: ['Claim'],
  figure: ['Figure'],
  figures: ['Figure'],
  topic: ['Topic'],
  topics: ['Topic'],
  metric: ['Metric'],
  metrics: ['Metric'],
  target: ['Target'],
  role: ['Role'],
  publisher: ['Organization'],
  place: ['Place'],
  evidence: ['Claim', 'Figure', 'Source'],
};

/**
 * Which values are bad ones: none in a clean case; in a single-fault case only the argument or input
 * field named `target` (so validation is passed up to that field); a third of all values in a
 * hostile case. `bad` is what the target field gets.
 */
export type Noise = 'clean' | 'single' | 'hostile' | 'bad';

export interface ValueContext {
  dictionary: Dictionary;
  /** Fragments shared by every string of one case, so a body phrase can occur in the text beside it. */
  pool: readonly string[];
  noise: Noise;
  /** In a single-fault case: the name of the argument or input field that gets a bad value. */
  target?: string;
  /** For an `id` argument: the type the field returns (Query.claim(id) takes a Claim id). */
  idKinds?: string[];
}

/** `valid` or, as often as the case's noise says, `bad`. */
function withNoise<T>(context: ValueContext, valid: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (context.noise === 'bad') return bad;
  if (context.noise === 'hostile') return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: bad });
  return valid;
}

const pick = <T>(values: readonly T[], fallback: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  values.length > 0 ? fc.constantFrom(...values) : fallback;

/** Empty and blank strings first: they are the ones loops and slices get wrong. */
const degenerate = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.constantFrom(' ', '\u3000', 'a') },
  { weight: 20, arbitrary: fc.constantFrom(...DEGENERATE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);

const randomString = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

const badString = fc.oneof({ weight: 3, arbitrary: degenerate }, { weight: 1, arbitrary: randomString });

function codePointSlice(text: string, start: number, length: number): string {
  return Array.from(text)
    .slice(start, start + length)
    .join('');
}

/** A substring of a real source text, counted in code points (it may repeat, or cross the body's ends). */
function textSlice(dictionary: Dictionary): fc.Arbitrary<string> {
  if (dictionary.texts.length === 0) return degenerate;
  return fc
    .tuple(fc.constantFrom(...dictionary.texts), fc.nat(), fc.integer({ min: 1, max: 80 }))
    .map(([text, start, length]) => {
      const size = Array.from(text).length;
      return codePointSlice(text, start % Math.max(1, size), length);
    });
}

/** Words of a source: a real quote, a slice of a text, or one of the case's fragments (`poolWeight` in 10). */
function quoteLike(context: ValueContext, poolWeight: number): fc.Arbitrary<string> {
  const { dictionary, pool } = context;
  const valid = fc.oneof(
    { weight: 8 - poolWeight, arbitrary: pick(dictionary.quotes, randomString) },
    { weight: 2, arbitrary: textSlice(dictionary) },
    { weight: poolWeight, arbitrary: pick(pool, randomString) },
  );
  return withNoise(context, valid, badString);
}

/**
 * A new text holding every fragment of the case (so body phrases drawn from them anchor) in some
 * order, with more words and a nonce so that it is not a known source.
 */
function composedText(context: ValueContext): fc.Arbitrary<string> {
  const more = fc.oneof(pick(context.dictionary.quotes, randomString), randomString);
  const valid = fc
    .tuple(
      fc.shuffledSubarray([...context.pool], { minLength: context.pool.length }),
      fc.array(more, { maxLength: 3 }),
      fc.nat(),
    )
    .map(([fragments, extra, nonce]) => `${[...fragments, ...extra].join(' ')} (fuzz ${nonce})`);
  return withNoise(context, valid, badString);
}

const BAD_URLS = fc.constantFrom('ftp://example.org/x', 'javascript:alert(1)', 'http://', 'example.org', '');

function stringFor(name: string, context: ValueContext): fc.Arbitrary<string> {
  const { dictionary } = context;
  const seen = dictionary.strings[name] ?? [];
  switch (name) {
    case 'quote':
      return quoteLike(context, 2);
    case 'bodyStartsWith':
    case 'bodyEndsWith':
      return quoteLike(context, 7);
    case 'text':
      return fc.oneof({ weight: 4, arbitrary: composedText(context) }, { weight: 1, arbitrary: quoteLike(context, 2) });
    case 'query':
      return withNoise(
        context,
        fc.array(pick(dictionary.words, randomString), { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
        badString,
      );
    case 'url':
      return withNoise(
        context,
        fc.oneof(
          fc.nat().map((n) => `https://example.org/fuzz/${n}`),
          pick(seen, fc.constant('https://example.org/')),
          fc.constant('https://例え.jp/記事'),
        ),
        fc.oneof(BAD_URLS, badString),
      );
    case 'after':
      return withNoise(
        context,
        pick(dictionary.cursors, randomString),
        fc.oneof(
          badString,
          fc.jsonValue({ maxDepth: 1 }).map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
        ),
      );
    case 'language':
      return withNoise(
        context,
        fc.constantFrom(...new Set([...seen, 'en', 'zh', 'zh-Hans'])),
        fc.oneof(fc.constantFrom('EN', 'e', 'x-y', 'en_US'), badString),
      );
    case 'kind':
      return withNoise(
        context,
        fc.constantFrom(...new Set([...seen, 'article', 'interview', 'report', 'speech'])),
        badString,
      );
    default:
      return withNoise(
        context,
        fc.oneof(pick(seen, randomString), pick(context.pool, randomString), randomString),
        badString,
      );
  }
}

function idFor(name: string, context: ValueContext): fc.Arbitrary<string> {
  const { ids } = context.dictionary;
  const kinds = name === 'id' ? context.idKinds : ID_HINTS[name];
  const all = Object.values(ids).flat();
  const hinted = kinds ? kinds.flatMap((kind) => ids[kind] ?? []) : all;
  const forged = fc
    .tuple(fc.constantFrom(...GLOBAL_ID_TYPES), fc.oneof(randomString, degenerate))
    .map(([type, key]) => toGlobalId(type, key));
  return withNoise(context, pick(hinted, forged), fc.oneof(pick(all, forged), forged, degenerate));
}

function intFor(name: string, context: ValueContext): fc.Arbitrary<number> {
  const extremes = fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31));
  const ranges: Record<string, [number, number]> = { rating: [1, 5], occurrence: [1, 1], first: [0, 100] };
  const [min, max] = ranges[name] ?? [0, 200];
  const outside = fc.oneof(fc.integer({ min: min - 3, max: min - 1 }), fc.integer({ min: max + 1, max: max + 20 }));
  return withNoise(context, fc.integer({ min, max }), fc.oneof(extremes, outside));
}

function dateLike(context: ValueContext): fc.Arbitrary<string> {
  const valid = fc.oneof(
    { weight: 3, arbitrary: pick(context.dictionary.dates, fc.constant('2024-03-19')) },
    {
      weight: 2,
      arbitrary: fc
        .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
    },
    { weight: 1, arbitrary: fc.constantFrom('2024-02-29', '0001-01-01', '9999-12-31') },
  );
  const bad = fc.constantFrom(
    '2023-02-30',
    '0000-01-01',
    '2023-13-01',
    '2023',
    'yesterday',
    '',
    '2023-1-1',
    '２０２３-０１-０１',
  );
  return withNoise(context, valid, bad);
}

function scalarFor(typeName: string, name: string, context: ValueContext): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return idFor(name, context);
    case 'String':
      return stringFor(name, context);
    case 'Int':
      return intFor(name, context);
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return dateLike(context);
    case 'DateTime':
      return withNoise(
        context,
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        badString,
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of the wrong kind for any type: coercion must refuse it with a coded error. */
const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constant({}),
  fc.constant([]),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/**
 * A value for an argument or input field `name` of `type`. `undefined` means "leave it out" (only
 * generated for nullable types, or as a bad value: a required field missing).
 */
export function valueFor(type: GraphQLInputType, name: string, given: ValueContext): fc.Arbitrary<unknown> {
  const context: ValueContext =
    given.noise === 'single' && name === given.target ? { ...given, noise: 'bad', target: undefined } : given;
  const valid = validValueFor(type, name, context);
  // A bad value is mostly of the right type (an empty string, an unknown id), sometimes of the wrong kind.
  if (context.noise === 'bad') return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrongKind });
  if (isNonNullType(type)) return withNoise(context, valid, wrongKind);
  const present = fc.oneof(
    { weight: 20, arbitrary: valid },
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(null) },
  );
  return withNoise(context, present, wrongKind);
}

function validValueFor(type: GraphQLInputType, name: string, context: ValueContext): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = validValueFor(nullable.ofType, name, context);
    return withNoise(
      context,
      fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: item }),
      fc.array(item, { minLength: 20, maxLength: 30 }),
    );
  }
  if (isEnumType(nullable)) {
    const names = nullable.getValues().map((value) => value.name);
    return withNoise(
      context,
      fc.constantFrom(...names),
      fc.constantFrom(...names.map((value) => value.toLowerCase()), '', 'NOPE'),
    );
  }
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    const entries = fields.map((field) => {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      const value = valueFor(field.type, field.name, context);
      return (required ? withNoise(context, value, fc.constant(undefined)) : value).map(
        (generated) => [field.name, generated] as const,
      );
    });
    const extra = withNoise(
      context,
      fc.constant<(readonly [string, unknown])[]>([]),
      fc.constant<(readonly [string, unknown])[]>([['notAField', 1]]),
    );
    return fc
      .tuple(fc.tuple(...entries), extra)
      .map(([pairs, more]) => Object.fromEntries([...pairs, ...more].filter(([, value]) => value !== undefined)));
  }
  if (isScalarType(nullable)) return scalarFor(nullable.name, name, context);
  return fc.constant(null);
}
