import {
  anchorAtOffsets,
  anchorQuote,
  codePointLength,
  CONTEXT_LENGTH,
  describeAnchorFailure,
  sliceCodePoints,
  type TextAnchor,
} from '../../src/domain/anchor';

function anchored(text: string, quote: string, occurrence?: number): TextAnchor {
  const result = anchorQuote(text, quote, occurrence);
  if (!result.ok) throw new Error(`expected "${quote}" to anchor, got ${result.failure.kind}`);
  return result.anchor;
}

/** The invariant every stored quote satisfies. */
function expectInvariant(text: string, anchor: TextAnchor) {
  const characters = Array.from(text);
  expect(characters.slice(anchor.start, anchor.end).join('')).toBe(anchor.exact);
  expect(anchor.prefix).toBe(characters.slice(Math.max(0, anchor.start - CONTEXT_LENGTH), anchor.start).join(''));
  expect(anchor.suffix).toBe(characters.slice(anchor.end, anchor.end + CONTEXT_LENGTH).join(''));
}

describe('code point helpers', () => {
  it('count an emoji as one position, unlike String.length', () => {
    expect('a😀b'.length).toBe(4);
    expect(codePointLength('a😀b')).toBe(3);
    expect(sliceCodePoints('a😀b', 1, 2)).toBe('😀');
    expect(sliceCodePoints('a😀b', 2)).toBe('b');
  });

  it('count a combining mark as a position of its own', () => {
    expect(codePointLength('cafe\u0301')).toBe(5);
  });
});

describe('anchorQuote', () => {
  it('gives code point offsets: a quote after an emoji starts one before its UTF-16 index', () => {
    const text = 'Cars 🚗 are popular in 中国 – really.';
    const anchor = anchored(text, 'popular in 中国');
    expect(anchor.start).toBe(text.indexOf('popular in 中国') - 1);
    expect(anchor.end - anchor.start).toBe(Array.from('popular in 中国').length);
    expectInvariant(text, anchor);
  });

  it('measures a quote containing an emoji in code points', () => {
    const text = 'Intro. Battery 🔋 life is long. End.';
    const anchor = anchored(text, 'Battery 🔋 life');
    expect(anchor.start).toBe(7);
    expect(anchor.end).toBe(7 + 'Battery '.length + 1 + ' life'.length);
    expectInvariant(text, anchor);
  });

  it('keeps at most CONTEXT_LENGTH code points of prefix and suffix, fewer at the edges', () => {
    const text = `${'x'.repeat(50)}QUOTE${'😀'.repeat(50)}`;
    const middle = anchored(text, 'QUOTE');
    expect(Array.from(middle.prefix)).toHaveLength(CONTEXT_LENGTH);
    expect(middle.suffix).toBe('😀'.repeat(CONTEXT_LENGTH));
    expectInvariant(text, middle);

    const atStart = anchored('Hello world', 'Hello');
    expect(atStart).toEqual({ exact: 'Hello', start: 0, end: 5, prefix: '', suffix: ' world' });
    const atEnd = anchored('Hello world', 'world');
    expect(atEnd).toEqual({ exact: 'world', start: 6, end: 11, prefix: 'Hello ', suffix: '' });
  });

  it('reports a quote that is not in the text', () => {
    expect(anchorQuote('Hello world', 'goodbye')).toEqual({ ok: false, failure: { kind: 'not-found' } });
  });

  it('refuses to guess between several occurrences', () => {
    expect(anchorQuote('one two one two one', 'one')).toEqual({
      ok: false,
      failure: { kind: 'ambiguous', occurrences: 3 },
    });
  });

  it('counts overlapping occurrences', () => {
    expect(anchorQuote('aaa', 'aa')).toEqual({ ok: false, failure: { kind: 'ambiguous', occurrences: 2 } });
    expect(anchored('aaa', 'aa', 2).start).toBe(1);
  });

  it('picks the requested occurrence, counting code points before it', () => {
    const text = '😀 one, 😀 one, 😀 one';
    const third = anchored(text, 'one', 3);
    expect(third.start).toBe(text.lastIndexOf('one') - 3);
    expectInvariant(text, third);
  });

  it('accepts occurrence 1 for a unique quote and rejects an occurrence beyond the last', () => {
    expect(anchored('Hello world', 'world', 1).start).toBe(6);
    expect(anchorQuote('one two one', 'one', 3)).toEqual({
      ok: false,
      failure: { kind: 'occurrence-out-of-range', occurrences: 2 },
    });
  });
});

describe('describeAnchorFailure', () => {
  it('tells the annotator what to do', () => {
    expect(describeAnchorFailure({ kind: 'not-found' })).toBe('quote not found in the source text');
    expect(describeAnchorFailure({ kind: 'ambiguous', occurrences: 3 })).toBe(
      'quote is ambiguous: it occurs 3 times; add "occurrence" (1 to 3)',
    );
    expect(describeAnchorFailure({ kind: 'occurrence-out-of-range', occurrences: 2 })).toBe(
      'occurrence is out of range: the quote occurs 2 time(s)',
    );
  });
});

describe('anchorAtOffsets', () => {
  const text = 'Head 😀 body: sales rose to 12.87 million. Tail';
  const body = { start: 5, end: codePointLength(text) - 5 };
  const start = codePointLength(text.slice(0, text.indexOf('12.87')));

  it('accepts a quote at its code-point offsets, with prefix and suffix like anchorQuote', () => {
    const result = anchorAtOffsets(text, body, '12.87 million', start, start + 13);
    expect(result).toEqual({ ok: true, value: anchored(text, '12.87 million') });
  });

  it('refuses UTF-16 offsets, offsets off the text and quotes outside the body, naming the field', () => {
    const utf16 = text.indexOf('12.87');
    expect(anchorAtOffsets(text, body, '12.87 million', utf16, utf16 + 13)).toEqual({
      ok: false,
      violations: [{ field: 'quote', message: 'the text at code points 28-41 is "2.87 million.", not the quote' }],
    });
    expect(anchorAtOffsets(text, body, '12.87', -1, 4)).toMatchObject({ violations: [{ field: 'quoteStart' }] });
    expect(anchorAtOffsets(text, body, '12.87', start, start)).toMatchObject({ violations: [{ field: 'quoteEnd' }] });
    expect(anchorAtOffsets(text, body, 'x', 0, 1000)).toMatchObject({ violations: [{ field: 'quoteEnd' }] });
    expect(anchorAtOffsets(text, body, 'Head', 0, 4)).toMatchObject({
      violations: [{ field: 'quote', message: expect.stringContaining('outside the article body') }],
    });
    expect(anchorAtOffsets(text, body, ' ', 4, 5)).toMatchObject({ violations: [{ field: 'quote' }] });
  });
});
