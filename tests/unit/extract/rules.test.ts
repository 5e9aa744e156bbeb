import { findBody, type BodyRange } from '../../../src/extract/body';
import { clausesOf } from '../../../src/extract/clauses';
import { numberMentions } from '../../../src/extract/numbers';
import { periodMentions, yearBefore } from '../../../src/extract/periods';
import { quoteUnits } from '../../../src/extract/quotes';
import { paragraphSentences } from '../../../src/extract/sentences';
import { appositionRoles, parseRole } from '../../../src/extract/people';
import { EntityBook } from '../../../src/extract/entities';
import { gazetteerMentions } from '../../../src/extract/places';
import { claimKind, type KindInput } from '../../../src/extract/kinds';
import { findKnownMetric } from '../../../src/extract/linking';
import { codePointIndexer, decodeText, checkText, DraftInputError } from '../../../src/extract/text-input';
import type { KnownEntity } from '../../../src/extract/types';

const whole = (text: string) => ({ start: 0, end: text.length });

describe('body range', () => {
  it('drops the cookie banner, the video length, captions and the footer', () => {
    const text =
      'We use cookies. Accept all\n\n05:42\n\nA solar farm opened in the desert on Friday, officials said.\n\nWatch: Inside the farm\n\nIt will power many homes across the region, the ministry said.\n\nSearch Trends';
    const body = findBody(text) as BodyRange;
    expect(text.slice(body.start, body.end)).toBe(
      'A solar farm opened in the desert on Friday, officials said.\n\nWatch: Inside the farm\n\nIt will power many homes across the region, the ministry said.',
    );
    expect(body.prose.map((p) => p.text.slice(0, 12))).toEqual(['A solar farm', 'It will powe']);
    expect(body.skipped.map((p) => p.boilerplate)).toContain('related-content caption');
  });

  it('finds no body in a text without a sentence of prose', () => {
    expect(findBody('Menu\nHome | News\n05:42')).toBeUndefined();
  });

  it('extends the first and last words until they are unique, and refuses a body that occurs twice', () => {
    const paragraph = 'The same paragraph of prose appears twice on this page.';
    const twice = findBody(`${paragraph}\n${paragraph}`) as BodyRange;
    expect(twice.startWords).toBe(`${paragraph}\nThe`);
    expect(findBody(`Read more: ${paragraph}\n${paragraph}`)).toBe('repeated');
  });
});

describe('direct quotes', () => {
  it('joins a quote split around its speech verb and finds the speaker', () => {
    const text = '"Prices will fall," she said, "but not this year."';
    const [unit] = quoteUnits(text, whole(text));
    expect(unit?.text).toBe('Prices will fall but not this year');
    expect(text.slice(unit!.start, unit!.end)).toBe('Prices will fall," she said, "but not this year');
    expect(unit?.frame?.speaker.text).toBe('she');
  });

  it('reads a frame after the quote with a name and an object', () => {
    const text = '"Software defines cars," Miao told CGTN.';
    expect(quoteUnits(text, whole(text))[0]?.frame?.speaker.text).toBe('Miao');
  });

  it('reads a frame with a title before the name, or an object and a place after the verb', () => {
    const first = '"Demand is ahead of supply," chief executive Priya Raman said on a call.';
    expect(quoteUnits(first, whole(first))[0]?.frame?.speaker.text).toBe('Priya Raman');
    const second = '"The worst is behind us," she told a news conference in the capital.';
    expect(quoteUnits(second, whole(second))[0]?.frame?.speaker.text).toBe('she');
  });

  it('leaves a short quoted phrase without a frame to the sentence (a scare quote)', () => {
    const text = 'They are becoming the "new three pillars" of export.';
    expect(quoteUnits(text, whole(text))).toEqual([]);
  });
});

describe('clauses and reported speech', () => {
  const clauses = (text: string, afterQuote = false) => {
    const [sentence] = paragraphSentences(text, whole(text));
    return clausesOf(text, whole(text), sentence!.tokens, afterQuote).map((c) => ({
      words: text.slice(c.start, c.end),
      attribution: c.attribution,
      speaker: c.speaker?.text,
    }));
  };

  it('splits at ", with" and keeps narration', () => {
    expect(clauses('Consumer acceptance is surging, with the market share exceeding 31 percent in 2023.')).toEqual([
      { words: 'Consumer acceptance is surging', attribution: 'narration', speaker: undefined },
      { words: 'with the market share exceeding 31 percent in 2023', attribution: 'narration', speaker: undefined },
    ]);
  });

  it('reads "X warns that" at the start as a paraphrase by X, the frame included', () => {
    expect(clauses('However, Miao warns that continued growth hinges on overcoming key challenges.')).toEqual([
      {
        words: 'Miao warns that continued growth hinges on overcoming key challenges',
        attribution: 'paraphrase',
        speaker: 'Miao',
      },
    ]);
  });

  it('gives the content before ", according to X" to X', () => {
    const [first] = clauses('The industry needs more innovation to keep growing, according to Li Na.');
    expect(first).toEqual({
      words: 'The industry needs more innovation to keep growing',
      attribution: 'paraphrase',
      speaker: 'Li Na',
    });
  });

  it('takes the named apposition as the speaker, and an organisation behind unnamed economists', () => {
    expect(clauses('Their chief economist, Lars Moe, said the bank would lower the rate.')[0]?.speaker).toBe(
      'Lars Moe',
    );
    // "Economists at" reads like a title before the name: the speaker is the organisation.
    expect(clauses('Economists at Fjord Securities expect the first cut in March.')[0]?.speaker).toBe(
      'Fjord Securities',
    );
  });

  it('continues the speaker after ", adding that"', () => {
    const [first] = clauses(', adding that the increase in charging poles has lagged behind.', true);
    expect(first).toMatchObject({
      words: 'the increase in charging poles has lagged behind',
      attribution: 'paraphrase',
    });
  });
});

describe('numbers', () => {
  const values = (text: string) => numberMentions(text, 0).map((n) => [n.text, n.value, n.unit]);

  it('reads scale words, percentages, percentage points and currencies', () => {
    expect(
      values('Exports rose 27.8 percent to 9.92 million units, up 1.6 percentage points, worth $3 billion.'),
    ).toEqual([
      ['27.8 percent', 27.8, 'percent'],
      ['9.92 million', 9920000, undefined],
      ['1.6 percentage points', 1.6, 'percentage points'],
      ['$3 billion', 3000000000, 'US dollars'],
    ]);
  });

  it('reads numbers written as words, orders of magnitude and shares', () => {
    expect(
      values('More than twelve million people came; tens of thousands helped; one in five came from abroad.'),
    ).toEqual([
      ['twelve million', 12000000, undefined],
      ['tens of thousands', 20000, undefined],
      ['one in five', 20, 'percent'],
    ]);
  });

  it('does not take years, durations or codes for figures', () => {
    expect(values('In 2023 the G20 met for 10 years at 05:42.')).toEqual([]);
    expect(values('It was the fourth meeting in a row, and the first cut.')).toEqual([]);
  });
});

describe('periods', () => {
  it('resolves relative periods against the publication date', () => {
    const [mention] = periodMentions('By the end of last year, there were 2.4 per station.', 0, '2024-03-19');
    expect(mention?.period).toMatchObject({
      expression: 'end of last year',
      label: 'end of 2023',
      start: '2023-12-31',
      relative: true,
    });
  });

  it('leaves relative periods unresolved without a publication date, and flags them', () => {
    const [mention] = periodMentions('Sales rose last year.', 0, undefined);
    expect(mention?.period?.label).toBeUndefined();
    expect(mention?.period?.note).toMatch(/no publication date/);
  });

  it('resolves "the first half" and "the fourth quarter" to the most recent one ended', () => {
    const [half] = periodMentions('Sales grew in the first half.', 0, '2024-07-22');
    expect(half?.period).toMatchObject({
      label: 'first half of 2024',
      start: '2024-01-01',
      end: '2024-06-30',
      expression: '2024',
    });
    const [quarter] = periodMentions('In the fourth quarter, output fell.', 0, '2024-01-17');
    expect(quarter?.period?.label).toBe('fourth quarter of 2023');
  });

  it('marks "a year earlier" and "the same period last year" as the comparison period', () => {
    const kinds = periodMentions(
      'Up from 3 million a year earlier and 2 million in the same period last year.',
      0,
      '2024-01-01',
    ).map((m) => m.reference);
    expect(kinds).toEqual(['earlier', 'earlier']);
    expect(
      yearBefore({ label: '2023', start: '2023-01-01', end: '2023-12-31', relative: false }, 'a year earlier').label,
    ).toBe('2022');
  });
});

describe('people and roles', () => {
  it('splits an apposition into roles, with status and organisation', () => {
    const text = 'Miao Wei, vice chairman of the Committee on Economic Affairs and former minister of industry and IT.';
    const roles = appositionRoles(text, 'Miao Wei'.length, text.length);
    expect(roles.map((r) => [r.title, r.status, r.organizationName])).toEqual([
      ['Vice chairman', 'current', 'Committee on Economic Affairs'],
      ['Minister of industry and IT', 'former', 'Ministry of Industry and IT'],
    ]);
  });

  it('keeps a role without an organisation as a description', () => {
    expect(parseRole('an automobile industry analyst', 0)).toEqual(
      expect.objectContaining({ title: 'Automobile industry analyst' }),
    );
    expect(parseRole('an automobile industry analyst', 0)?.organizationName).toBeUndefined();
  });
});

describe('places', () => {
  it('does not read "US dollars" as the United States', () => {
    const text = 'It cost 3 billion US dollars, more than the US spent.';
    expect(gazetteerMentions(text, whole(text)).map((m) => m.start)).toEqual([text.lastIndexOf('US')]);
  });
});

describe('entity linking', () => {
  const known: KnownEntity[] = [
    {
      kind: 'metric',
      id: 'nev-share-of-new-car-sales',
      name: 'NEV share of new car sales',
      aliases: ['New energy vehicles as a share of new car sales (market share).'],
      unit: 'percent',
      placeId: 'china',
      declaration: {},
    },
  ];

  it('meets "NEV market share" and "NEV share of new car sales" with the same unit and place', () => {
    expect(findKnownMetric(known, 'NEV market share', 'percent', 'china')?.id).toBe('nev-share-of-new-car-sales');
  });

  it('refuses a metric with another unit or place', () => {
    expect(findKnownMetric(known, 'NEV market share', 'vehicles', 'china')).toBeUndefined();
    expect(findKnownMetric(known, 'NEV market share', 'percent', 'norway')).toBeUndefined();
  });
});

describe('claim kinds', () => {
  const kind = (
    text: string,
    attribution: 'direct-quote' | 'paraphrase' | 'narration',
    extra: Partial<KindInput> = {},
  ) => claimKind({ text, attribution, hasFigures: false, hasTargets: false, hasCauseAndEffect: false, ...extra });

  it('reads forecasts, statistics, causal claims, recommendations, opinions and assessments', () => {
    expect(kind('Irrigation cuts could halve the olive harvest', 'paraphrase')).toBe('forecast');
    expect(kind('Exports rose 7 percent in 2023', 'narration', { hasFigures: true })).toBe('statistic');
    expect(
      kind('Expanding the network would allow for lighter batteries', 'paraphrase', { hasCauseAndEffect: true }),
    ).toBe('causal');
    expect(kind('The operator needs to double its capacity', 'paraphrase')).toBe('recommendation');
    expect(kind('Software defines cars', 'direct-quote')).toBe('opinion');
    expect(kind('Consumer acceptance is surging', 'narration')).toBe('assessment');
  });
});

describe('ids', () => {
  it('never gives a new item an id that an existing entity, topic or role already has', () => {
    const known: KnownEntity[] = [{ kind: 'place', id: 'china', name: 'China', aliases: [], declaration: {} }];
    const book = new EntityBook(known, ['software']);
    expect(book.ids.allocate('Software')).toBe('software-2');
    expect(book.addPlace('China', 'country', { start: 0, end: 5 }).id).toBe('china');
    expect(book.addPlace('China Town', 'city', { start: 9, end: 19 }).id).toBe('china-town');
  });
});

describe('bad input', () => {
  it('names the first line that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('fine\nalso fine\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(() => decodeText('bad.txt', bytes)).toThrow('bad.txt: line 3 is not valid UTF-8');
  });

  it('refuses an oversize or empty text with the input named', () => {
    expect(() => checkText('big.txt', 'a'.repeat(200_001))).toThrow(DraftInputError);
    expect(() => checkText('empty.txt', ' \n ')).toThrow('empty.txt: the text is empty');
  });

  it('counts code points, not UTF-16 units', () => {
    const at = codePointIndexer('📍 Tromsø');
    expect(at('📍 '.length)).toBe(2);
  });
});
