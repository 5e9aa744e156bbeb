import { parse } from 'yaml';

import { draftAnnotation } from '../../../src/extract/draft';
import { annotationSchema, compileAnnotation, Issues } from '../../../src/extract/ingest-entry';

interface Drafted {
  figures?: { kind?: string; value: number; period: string; quote: string }[];
  targets?: { threshold: number; deadline: string }[];
  claims: { kind: string }[];
}

const META = { title: 'Test', publisher: 'Test Wire', publishedDate: '2024-05-01' };

function draft(paragraph: string): Drafted {
  const text = `${paragraph}\n`;
  const { yaml } = draftAnnotation({
    name: 't.txt',
    text,
    meta: META,
    textFile: 't.txt',
    metaFile: 't.meta.json',
    known: [],
  });
  const compiled = compileAnnotation(
    annotationSchema.parse(parse(yaml)),
    text,
    { file: 't.txt', ...META, url: 'https://example.org/t', language: 'en' },
    new Issues('t.yaml'),
  );
  expect(compiled.ok ? [] : compiled.issues.map((i) => i.message)).toEqual([]);
  return parse(yaml) as Drafted;
}

describe('forecasts', () => {
  it('drafts "is expected to reach" a value as a forecast figure for that future period', () => {
    const drafted = draft(
      'Sales of heat pumps in Norland are expected to reach 2 million units next year, the ministry said.',
    );
    expect(drafted.figures).toEqual([
      expect.objectContaining({ kind: 'forecast', value: 2000000, period: 'next year' }),
    ]);
    expect(drafted.targets ?? []).toEqual([]);
    expect(drafted.claims[0]?.kind).toBe('forecast');
  });

  it('reads "projected" and "would ... by the end of next year" as forecasts too', () => {
    expect(draft('Growth in Norland is projected at 2.5 percent in 2025, the bank said.').figures?.[0]).toMatchObject({
      kind: 'forecast',
      value: 2.5,
      period: '2025',
    });
    expect(
      draft(
        'Lars Moe, chief economist at Fjord Securities, said the bank would lower the rate to 3.75 percent by the end of next year.',
      ).figures?.[0],
    ).toMatchObject({ kind: 'forecast', value: 3.75, period: 'end of next year' });
  });

  it('keeps an aim a target, and a measurement an observation', () => {
    const aimed = draft(
      'The government of Norland aims for heat pumps to reach 50 percent of new heating systems by 2030.',
    );
    expect(aimed.targets).toEqual([expect.objectContaining({ threshold: 50, deadline: '2030' })]);
    expect(aimed.figures ?? []).toEqual([]);
    const measured = draft('Sales of heat pumps in Norland rose 12 percent last year, the ministry said.');
    expect(measured.figures?.[0]?.kind).toBeUndefined();
    expect(measured.claims[0]?.kind).toBe('statistic');
  });
});
