import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parseBookmarksHeader } from '../../src/bookmarks';
import { anchorQuote, describeAnchorFailure } from '../../src/domain/anchor';
import { MAX_PERIOD_EXPRESSION_LENGTH, resolvePeriod } from '../../src/domain/period';
import { loadAnnotation } from '../../src/ingest/ingest';
import { excessiveFlowNesting, MAX_FLOW_NESTING } from '../../src/ingest/yaml-bounds';
import { parseGlobalId, toGlobalId } from '../../src/modules/common/global-id';
import { decodeCursor, encodeCursor } from '../../src/modules/common/pagination';
import { toLuceneQuery } from '../../src/modules/search/search.repository';

/**
 * Every loop or allocation that user input drives has a bound that does not trust the input. Each
 * block feeds one of them the degenerate cases: empty, one character, the maximum size and past it,
 * only combining marks, only emoji.
 */
const COMBINING_ONLY = '\u0301\u0308\u0327'.repeat(20);
const EMOJI_ONLY = '👍🏽🚗🔋'.repeat(20);

describe('quote anchoring', () => {
  it('refuses an empty needle as a typed failure instead of looping until V8 aborts', () => {
    for (const text of ['', 'a', '新能源汽车 sales passed 31 percent in 2023. 👍🏽 End of article.']) {
      const result = anchorQuote(text, '');
      expect(result).toEqual({ ok: false, failure: { kind: 'empty-needle' } });
      if (!result.ok) expect(describeAnchorFailure(result.failure)).toMatch(/must not be empty/);
    }
  });

  it('finds at most one occurrence per position: a one-character needle in a 100,000-character text', () => {
    const result = anchorQuote('a'.repeat(100_000), 'a');
    expect(result).toEqual({ ok: false, failure: { kind: 'ambiguous', occurrences: 100_000 } });
  });

  it('anchors needles of only combining marks or only emoji in code points', () => {
    const text = `x${COMBINING_ONLY}y${EMOJI_ONLY}z`;
    const marks = anchorQuote(text, COMBINING_ONLY);
    expect(marks.ok && [marks.anchor.start, marks.anchor.end]).toEqual([1, 1 + Array.from(COMBINING_ONLY).length]);
    const emoji = anchorQuote(text, EMOJI_ONLY);
    const emojiStart = 2 + Array.from(COMBINING_ONLY).length;
    expect(emoji.ok && [emoji.anchor.start, emoji.anchor.end]).toEqual([
      emojiStart,
      emojiStart + Array.from(EMOJI_ONLY).length,
    ]);
  });

  it('refuses an occurrence past the last one, however large', () => {
    expect(anchorQuote('a b a', 'a', 2 ** 31)).toEqual({
      ok: false,
      failure: { kind: 'occurrence-out-of-range', occurrences: 2 },
    });
  });
});

describe('period expressions', () => {
  it.each(['', 'x', COMBINING_ONLY, EMOJI_ONLY])('refuses %j', (expression) => {
    expect(resolvePeriod(expression, '2024-03-19')).toBeUndefined();
  });

  it('refuses an expression longer than the longest phrase of the grammar before matching it', () => {
    const padded = `${' '.repeat(MAX_PERIOD_EXPRESSION_LENGTH)}2023`;
    expect(resolvePeriod(padded, '2024-03-19')).toBeUndefined();
    expect(resolvePeriod(`   2023   `, '2024-03-19')?.label).toBe('2023');
    expect(resolvePeriod('2023 '.repeat(200_000), '2024-03-19')).toBeUndefined();
  });
});

describe('search text', () => {
  it('escapes every syntax character once: the Lucene query is at most twice the input', () => {
    const syntax = '+-&|!(){}[]^"~*?:\\/';
    const maximal = syntax.repeat(11).slice(0, 200);
    const query = toLuceneQuery(maximal);
    expect(query.length).toBe(maximal.length * 2);
    expect(query.replace(/\\(.)/g, '$1')).toBe(maximal);
  });

  it('passes one character, combining marks and emoji through as plain text', () => {
    expect(toLuceneQuery('a')).toBe('a');
    expect(toLuceneQuery(COMBINING_ONLY)).toBe(COMBINING_ONLY);
    expect(toLuceneQuery(EMOJI_ONLY)).toBe(EMOJI_ONLY);
    expect(toLuceneQuery('cars AND charging')).toBe('cars and charging');
  });
});

describe('cursors and ids', () => {
  it.each(['', 'a', COMBINING_ONLY, EMOJI_ONLY, 'A'.repeat(4097), '!!!!'])('refuses the cursor %j', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ extensions: expect.anything() }));
  });

  it('decodes a cursor up to its bound and refuses one past it', () => {
    const cursor = encodeCursor({ sortValue: 'k'.repeat(2000), key: 'i'.repeat(1000) });
    expect(cursor.length).toBeLessThanOrEqual(4096);
    expect(decodeCursor(cursor).key).toHaveLength(1000);
    const tooLong = encodeCursor({ sortValue: 'k'.repeat(3100), key: 'i' });
    expect(tooLong.length).toBeGreaterThan(4096);
    expect(() => decodeCursor(tooLong)).toThrow(/not a valid cursor/);
  });

  it.each(['', 'a', COMBINING_ONLY, EMOJI_ONLY, 'A'.repeat(2049), toGlobalId('Claim', '').slice(0, -1)])(
    'finds no global id in %j',
    (id) => {
      expect(parseGlobalId(id)).toBeUndefined();
    },
  );

  it('decodes a global id up to 2,048 characters', () => {
    const id = toGlobalId('Claim', 'c'.repeat(1500));
    expect(id.length).toBeLessThanOrEqual(2048);
    expect(parseGlobalId(id)).toEqual({ type: 'Claim', key: 'c'.repeat(1500) });
  });
});

describe('the Neo4j-Bookmarks header', () => {
  it('reads an empty header as no bookmarks', () => {
    expect(parseBookmarksHeader('')).toEqual([]);
    expect(parseBookmarksHeader('   ')).toEqual([]);
  });

  it('accepts 64 bookmarks of 256 characters and refuses one more of either', () => {
    const bookmark = `FB:${'a'.repeat(253)}`;
    expect(parseBookmarksHeader(Array(64).fill(bookmark).join(','))).toHaveLength(64);
    expect(() => parseBookmarksHeader(Array(65).fill('FB:a').join(','))).toThrow(/at most 64/);
    expect(() => parseBookmarksHeader(`${bookmark}a`)).toThrow(/at most 64/);
  });

  it.each([',', 'a,,b', COMBINING_ONLY, EMOJI_ONLY])('refuses %j', (header) => {
    expect(() => parseBookmarksHeader(header)).toThrow(/Neo4j-Bookmarks/);
  });
});

describe('YAML nesting', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'bounds-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('measures flow nesting with the lexer, so brackets inside quotes do not count', () => {
    expect(excessiveFlowNesting('a: [1, {b: [2]}]')).toBeUndefined();
    expect(excessiveFlowNesting(`a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'`)).toBeUndefined();
    expect(excessiveFlowNesting('')).toBeUndefined();
    const deep = `a: ${'['.repeat(MAX_FLOW_NESTING + 1)}${']'.repeat(MAX_FLOW_NESTING + 1)}`;
    expect(excessiveFlowNesting(deep)).toBe('a: '.length + MAX_FLOW_NESTING);
    const deepest = `a: ${'['.repeat(MAX_FLOW_NESTING)}${']'.repeat(MAX_FLOW_NESTING)}`;
    expect(excessiveFlowNesting(deepest)).toBeUndefined();
  });

  it('refuses a file of 100,000 nested brackets with its line and column, instead of aborting the process', async () => {
    const file = path.join(directory, 'deep.yaml');
    writeFileSync(file, `# a hostile file\nclaims: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    await expect(loadAnnotation(file)).rejects.toThrow(
      `${file}:2:${'claims: '.length + MAX_FLOW_NESTING + 1}: collections are nested more than ${MAX_FLOW_NESTING} levels deep`,
    );
  });

  it.each([
    ['empty', ''],
    ['one character', 'a'],
    ['combining marks only', COMBINING_ONLY],
    ['emoji only', EMOJI_ONLY],
  ])('refuses a file that is %s with a message naming it', async (_name, content) => {
    const file = path.join(directory, 'degenerate.yaml');
    writeFileSync(file, content);
    await expect(loadAnnotation(file)).rejects.toThrow(file);
  });
});
