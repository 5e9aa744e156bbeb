import fc from 'fast-check';
import { parse } from 'yaml';

import { draftAnnotation } from '../../../src/extract/draft';
import { annotationSchema, compileAnnotation, Issues } from '../../../src/extract/ingest-entry';
import { DraftInputError } from '../../../src/extract/text-input';

/** Pieces of news text (our own) that exercise each rule, combined at random into articles. */
const PIECES = [
  'We use cookies on this site. Accept all',
  '05:42',
  'Watch: A short video about the port',
  'Search Trends',
  'Exports rose 12.5 percent year on year to 3.4 million tonnes in 2023, the ministry said.',
  '"Prices will fall," said Anna Berg, chief economist at Nordbank, "but not this year."',
  'She added that demand had slowed, according to the Trade Office.',
  'Sales were about 48 percent higher than a year earlier.',
  'Tens of thousands of people came; one in five came from abroad.',
  'Tromsø 📍 welcomed more than twelve million visitors in the first half.',
  "\"It's a 'new normal',\" he told reporters.",
  'The council aims for all homes to be connected by 2030.',
  'An unbalanced " quote that never closes, with 7 percent inside.',
  'Output fell 3 percent, down from 5 percent in the same period last year.',
  'OSLO, May 2 (Wire) -- Åsa Lindqvist, director of Visit Tromsø, said bookings doubled.',
  '"We grew. We hired," Lindqvist said. "And we will grow again."',
  'According to figures released by the Statistics Office of Nordland, unemployment stood at 5.2 percent in June.',
  'Expanding the network would allow for cheaper power and lower emissions, he believes.',
  'The fourth quarter saw 233 million tonnes, compared with 241 million tonnes a year earlier.',
  'Related: more stories',
  'Copyright © 2024 Test Wire. All rights reserved.',
];

const META = { title: 'Random', publisher: 'Test Wire', publishedDate: '2024-05-01' };

function validate(text: string, yaml: string): string[] {
  const parsed = annotationSchema.safeParse(parse(yaml));
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const meta = {
    file: 'random.txt',
    title: 'Random',
    publisher: 'Test Wire',
    url: 'https://example.org/r',
    publishedDate: '2024-05-01',
    language: 'en',
  };
  const compiled = compileAnnotation(parsed.data, text, meta, new Issues('random.yaml'));
  return compiled.ok ? [] : compiled.issues.map((issue) => `${issue.path?.join('.')}: ${issue.message}`);
}

describe('drafts of random articles', () => {
  it('are valid annotations, or a DraftInputError: never a crash, never an invalid draft', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n\n', '\n', '\r\n'),
        (pieces, separator) => {
          const text = pieces.join(separator);
          let yaml: string;
          try {
            yaml = draftAnnotation({
              name: 'random.txt',
              text,
              meta: META,
              textFile: 'random.txt',
              metaFile: 'random.meta.json',
              known: [],
            }).yaml;
          } catch (error) {
            expect(error).toBeInstanceOf(DraftInputError);
            return;
          }
          expect(validate(text, yaml)).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
