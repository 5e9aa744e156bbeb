import { anchorInBody, locateBody } from '../../src/domain/anchor';
import { claimName } from '../../src/domain/claim';
import { reviewRating } from '../../src/domain/review';
import { contentHashOf, newSource, ownedKey, sourceKeyOf } from '../../src/domain/source';

const TEXT = 'Menu · Home\nThe mayor of Ørby said the 🚋 line opens in May. Ørby expects 9,000 riders.\nShare this';
const BODY = locateBody(TEXT, { start: 'The mayor', end: '9,000 riders.' });

describe('locateBody', () => {
  it('finds the body between its first and last words, in code points', () => {
    expect(BODY).toEqual({ ok: true, value: { start: 12, end: Array.from(TEXT).indexOf('\n', 12) } });
  });

  it('defaults to the whole text and names each phrase that does not anchor', () => {
    expect(locateBody('Ab', {})).toEqual({ ok: true, value: { start: 0, end: 2 } });
    expect(locateBody(TEXT, { start: 'nowhere', end: ' ' })).toEqual({
      ok: false,
      violations: [
        { field: 'start', message: 'quote not found in the source text' },
        { field: 'end', message: 'must not be empty' },
      ],
    });
    expect(locateBody(TEXT, { start: '9,000', end: 'The mayor' })).toEqual({
      ok: false,
      violations: [{ field: 'body', message: 'body.end comes before body.start' }],
    });
  });
});

describe('anchorInBody', () => {
  const body = BODY.ok ? BODY.value : undefined;

  it('anchors a quote inside the body', () => {
    const result = anchorInBody(TEXT, body, 'the 🚋 line');
    expect(result.ok && result.value.end - result.value.start).toBe(10);
  });

  it('refuses a quote in the boilerplate, a blank one, and names the occurrence when out of range', () => {
    expect(anchorInBody(TEXT, body, 'Share this')).toMatchObject({ ok: false, violations: [{ field: 'quote' }] });
    expect(anchorInBody(TEXT, undefined, 'Share this').ok).toBe(true);
    expect(anchorInBody(TEXT, body, '  ')).toEqual({
      ok: false,
      violations: [{ field: 'quote', message: 'must not be empty' }],
    });
    expect(anchorInBody(TEXT, body, 'Ørby', 3)).toMatchObject({ ok: false, violations: [{ field: 'occurrence' }] });
  });
});

describe('newSource', () => {
  const draft = {
    title: 'Tram line',
    kind: 'article',
    url: 'https://example.org/tram',
    publishedDate: '2025-04-01',
    language: 'en',
    text: TEXT,
    bodyStartsWith: 'The mayor',
  };

  it('derives the key from the content hash and the body from the phrases', () => {
    const result = newSource(draft);
    if (!result.ok) throw new Error('expected a valid source');
    expect(result.value.contentHash).toBe(contentHashOf(TEXT));
    expect(result.value.key).toBe(sourceKeyOf(result.value.contentHash));
    expect(result.value.key).toMatch(/^source-[0-9a-f]{16}$/);
    expect(result.value).toMatchObject({ bodyStart: 12, bodyEnd: 97, length: 97 });
  });

  it('names the draft field of every rule broken', () => {
    const result = newSource({ ...draft, kind: 'tweet', language: 'English', text: ' ' });
    expect(result.ok ? [] : result.violations.map((violation) => violation.field)).toEqual([
      'text',
      'kind',
      'language',
    ]);
    expect(newSource({ ...draft, bodyEndsWith: 'missing words' })).toMatchObject({
      ok: false,
      violations: [{ field: 'bodyEndsWith' }],
    });
  });
});

describe('keys, names and ratings', () => {
  it('scopes owned keys by the source key and cuts claim names at 60 code points', () => {
    expect(ownedKey('cgtn-x', 'claim-a')).toBe('cgtn-x/claim-a');
    expect(claimName('short')).toBe('short');
    const long = `${'ø'.repeat(58)} and more words`;
    expect(claimName(long)).toBe(`${'ø'.repeat(58)}…`);
    expect(Array.from(claimName('é'.repeat(80)))).toHaveLength(60);
  });

  it('rates from 1 to 5 with the standard label unless one is given', () => {
    expect(reviewRating(2)).toEqual({ ok: true, value: { rating: 2, ratingLabel: 'Mostly false' } });
    expect(reviewRating(5, 'Correct')).toEqual({ ok: true, value: { rating: 5, ratingLabel: 'Correct' } });
    for (const bad of [0, 6, 2.5]) expect(reviewRating(bad).ok).toBe(false);
  });
});
