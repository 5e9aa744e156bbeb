import { parse } from 'yaml';

import { findBody } from '../../../src/extract/body';
import { draftAnnotation } from '../../../src/extract/draft';
import { namesAfterTitles, prefixRole } from '../../../src/extract/people';

const whole = (text: string) => ({ start: 0, end: text.length });

interface Drafted {
  figures?: { value: number; period: string; kind?: string }[];
  claims: { kind: string; quote: string }[];
}

function draft(text: string): Drafted {
  const meta = { title: 'Test', publisher: 'Test Wire', publishedDate: '2024-10-22' };
  const { yaml } = draftAnnotation({
    name: 't.txt',
    text,
    meta,
    textFile: 't.txt',
    metaFile: 't.meta.json',
    known: [],
  });
  return parse(yaml) as Drafted;
}

describe('a title before a name', () => {
  it('finds the names a title introduces, capitalised or after a comma', () => {
    const text =
      'Governor Helena Strand spoke. Their chief economist, Lars Moe, agreed with chief executive Priya Raman.';
    expect(namesAfterTitles(text, whole(text)).map((m) => m.text)).toEqual([
      'Helena Strand',
      'Lars Moe',
      'Priya Raman',
    ]);
  });

  it('reads the title as a role, the possessive included', () => {
    const text = 'Their chief economist, Lars Moe, said so.';
    expect(prefixRole(text, text.indexOf('Lars'), 0)).toMatchObject({
      phrase: 'Their chief economist',
      title: 'Chief economist',
    });
    const governor = 'Governor Helena Strand said so.';
    expect(prefixRole(governor, governor.indexOf('Helena'), 0)).toMatchObject({ phrase: 'Governor', start: 0, end: 8 });
  });

  it('drafts the role as a biographical claim', () => {
    const drafted = draft('Governor Helena Strand said inflation was falling faster than the bank had expected.\n');
    expect(drafted.claims).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'biographical', quote: 'Governor' })]),
    );
  });
});

describe('figure periods without a period in the sentence', () => {
  it('takes the publication date for a move "in early trading", not a forecast period named before', () => {
    const drafted = draft(
      'The company said it would spend about 9 billion US dollars on new plants next year.\n\nShares in Kestrel rose 6 percent in early trading.\n',
    );
    expect(drafted.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 6, period: '2024-10-22' })]),
    );
  });

  it('takes the year of the last quarter ended for "quarterly" figures', () => {
    const drafted = draft(
      'Quarterly revenue at Kestrel Semiconductor climbed 18 percent, the company said on Tuesday.\n',
    );
    expect(drafted.figures?.[0]).toMatchObject({ value: 18, period: '2024' });
  });
});

describe('the body range', () => {
  it('keeps a sentence that starts with "Shares", and skips a sharing widget', () => {
    const text =
      'Revenue climbed 18 percent in the quarter, the company said.\n\nShares in Kestrel rose 6 percent in early trading.\n\nShare this article\n';
    const body = findBody(text, undefined);
    const inBody = body && body !== 'repeated' ? text.slice(body.start, body.end) : '';
    expect(inBody).toContain('Shares in Kestrel');
    expect(inBody).not.toContain('Share this article');
  });
});
