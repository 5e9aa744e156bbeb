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

export interface ValueContext {
  dictionary: Dictionary;
  /** Fragments shared by every string of one case, so a body phrase can occur in the text beside it. */
  pool: readonly string[];
  /** For an `id` argument: the type the field returns (Query.claim(id) takes a Claim id). */
  idKinds?: string[];
}

const pick = <T>(values: readonly T[], fallback: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  values.length > 0 ? fc.constantFrom(...values) : fallback;

const degenerate = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...DEGENERATE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);

const randomString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

function codePointSlice(text: string, start: number, length: number): string {
  return Array.from(text)
    .slice(start, start + length)
    .join('');
}

/** A substring of a real source text, counted in code points, often one that anchors (or repeats). */
function textSlice(dictionary: Dictionary): fc.Arbitrary<string> {
  if (dictionary.texts.length === 0) return degenerate;
  return fc
    .tuple(fc.constantFrom(...dictionary.texts), fc.nat(), fc.integer({ min: 1, max: 80 }))
    .map(([text, start, length]) => {
      const size = Array.from(text).length;
      return codePointSlice(text, start % Math.max(1, size), length);
    });
}

function quoteLike(context: ValueContext): fc.Arbitrary<string> {
  const { dictionary, pool } = context;
  return fc.oneof(
    { weight: 6, arbitrary: pick(dictionary.quotes, degenerate) },
    { weight: 3, arbitrary: textSlice(dictionary) },
    { weight: 3, arbitrary: pick(pool, degenerate) },
    { weight: 3, arbitrary: degenerate },
    { weight: 1, arbitrary: randomString },
  );
}

/** A new text made of the case's fragments, real quotes and a nonce, so that it is not a known source. */
function composedText(context: ValueContext): fc.Arbitrary<string> {
  const piece = fc.oneof(pick(context.pool, degenerate), pick(context.dictionary.quotes, degenerate), randomString);
  return fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.nat())
    .map(([pieces, nonce]) => `${pieces.join(' ')} (fuzz ${nonce})`);
}

const URLS = fc.oneof(
  fc.nat().map((n) => `https://example.org/fuzz/${n}`),
  fc.constantFrom(
    'http://example.org',
    'ftp://example.org/x',
    'javascript:alert(1)',
    'http://',
    'https://例え.jp/記事',
  ),
);

function stringFor(name: string, context: ValueContext): fc.Arbitrary<string> {
  const { dictionary } = context;
  const seen = dictionary.strings[name] ?? [];
  const mostly = (arbitrary: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 8, arbitrary }, { weight: 2, arbitrary: degenerate }, { weight: 1, arbitrary: randomString });
  switch (name) {
    case 'quote':
    case 'bodyStartsWith':
    case 'bodyEndsWith':
      return quoteLike(context);
    case 'text':
      return fc.oneof(composedText(context), quoteLike(context), pick(dictionary.words, degenerate));
    case 'query':
      return mostly(
        fc.oneof(
          pick(dictionary.words, degenerate),
          fc.array(pick(dictionary.words, degenerate), { maxLength: 4 }).map((words) => words.join(' ')),
        ),
      );
    case 'url':
      return mostly(fc.oneof(URLS, pick(seen, URLS)));
    case 'after':
      return mostly(
        fc.oneof(
          pick(dictionary.cursors, degenerate),
          fc.jsonValue({ maxDepth: 1 }).map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
        ),
      );
    case 'language':
      return mostly(fc.oneof(pick(seen, fc.constant('en')), fc.constantFrom('en', 'zh', 'zh-Hans', 'EN', 'e', 'x-y')));
    case 'kind':
      return mostly(fc.oneof(pick(seen, fc.constant('article')), fc.constantFrom('article', 'interview', 'speech')));
    default:
      return mostly(fc.oneof(pick(seen, randomString), pick(context.pool, randomString), randomString));
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
  return fc.oneof(
    { weight: 14, arbitrary: pick(hinted, forged) },
    { weight: 3, arbitrary: pick(all, forged) },
    { weight: 2, arbitrary: forged },
    { weight: 1, arbitrary: degenerate },
  );
}

function intFor(name: string): fc.Arbitrary<number> {
  const extremes = fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31));
  if (name === 'rating') return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, extremes);
  if (name === 'occurrence') return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -1, max: 4 }) }, extremes);
  if (name === 'first') return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -2, max: 120 }) }, extremes);
  return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -5, max: 200 }) }, extremes);
}

function dateLike(dictionary: Dictionary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: pick(dictionary.dates, fc.constant('2024-03-19')) },
    {
      weight: 3,
      arbitrary: fc
        .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
    },
    { weight: 2, arbitrary: fc.constantFrom('2023-02-30', '2024-02-29', '0000-01-01', '9999-12-31', '2023-13-01') },
    { weight: 1, arbitrary: fc.constantFrom('2023', 'yesterday', '', '2023-1-1', '２０２３-０１-０１') },
  );
}

function scalarFor(typeName: string, name: string, context: ValueContext): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return idFor(name, context);
    case 'String':
      return stringFor(name, context);
    case 'Int':
      return intFor(name);
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return dateLike(context.dictionary);
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.constantFrom('2024-03-19', ''),
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
 * generated for nullable types); nulls, wrong kinds and missing required fields are rare.
 */
export function valueFor(type: GraphQLInputType, name: string, context: ValueContext): fc.Arbitrary<unknown> {
  const valid = validValueFor(type, name, context);
  if (isNonNullType(type)) return fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: wrongKind });
  return fc.oneof(
    { weight: 20, arbitrary: valid },
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongKind },
  );
}

function validValueFor(type: GraphQLInputType, name: string, context: ValueContext): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = validValueFor(nullable.ofType, name, context);
    return fc.oneof(
      { weight: 10, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 2, arbitrary: item },
      { weight: 1, arbitrary: fc.array(item, { minLength: 20, maxLength: 30 }) },
    );
  }
  if (isEnumType(nullable)) {
    const names = nullable.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constantFrom(...names.map((value) => value.toLowerCase()), '', 'NOPE') },
    );
  }
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    const entries = fields.map((field) => {
      const value =
        isNonNullType(field.type) && field.defaultValue === undefined
          ? fc.oneof({ weight: 60, arbitrary: valueFor(field.type, field.name, context) }, fc.constant(undefined))
          : valueFor(field.type, field.name, context);
      return value.map((generated) => [field.name, generated] as const);
    });
    const extra = fc.oneof(
      { weight: 40, arbitrary: fc.constant([] as (readonly [string, unknown])[]) },
      { weight: 1, arbitrary: fc.constant([['notAField', 1] as const]) },
    );
    return fc
      .tuple(fc.tuple(...entries), extra)
      .map(([pairs, more]) => Object.fromEntries([...pairs, ...more].filter(([, value]) => value !== undefined)));
  }
  if (isScalarType(nullable)) return scalarFor(nullable.name, name, context);
  return fc.constant(null);
}
