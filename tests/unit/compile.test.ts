import type { IssuePath } from '../../src/ingest/issues';
import {
  compileInput,
  createBuilders,
  MINIMAL_TEXT,
  minimalMeta,
  type AnnotationInput,
  type MetaInput,
} from '../support/annotation-builders';

const { ids, figure, claim, directQuote, minimalAnnotation } = createBuilders('test-unit');

function compiled(input: AnnotationInput, text = MINIMAL_TEXT, meta?: MetaInput) {
  const result = compileInput(input, text, meta);
  if (!result.ok) throw new Error(`expected no issues, got ${JSON.stringify(result.issues)}`);
  return result.graph;
}

/** The issues compiling `input` reports, by document path and message. */
function issuesOf(
  input: AnnotationInput,
  text = MINIMAL_TEXT,
  meta?: MetaInput,
): { path?: IssuePath; message: string }[] {
  const result = compileInput(input, text, meta);
  if (result.ok) throw new Error('expected issues, but the annotation compiled');
  return result.issues.map(({ path, message }) => ({ path, message }));
}

describe('compileAnnotation: a valid annotation', () => {
  const graph = compiled(minimalAnnotation());

  it('scopes the ids of owned nodes by the source id', () => {
    expect(graph.claims.map((row) => row.key)).toEqual([
      `${ids.source}/share-exceeded-31`,
      `${ids.source}/widgets-are-the-future`,
    ]);
    expect(graph.claims[0]?.figureKeys).toEqual([`${ids.source}/share-2023`]);
    expect(graph.figures[0]?.key).toBe(`${ids.source}/share-2023`);
  });

  it('anchors quotes in code points inside the body', () => {
    const characters = Array.from(MINIMAL_TEXT);
    for (const { quote } of [...graph.claims, ...graph.figures].map((entry) => ({ quote: entry.quote! }))) {
      expect(characters.slice(quote.start, quote.end).join('')).toBe(quote.exact);
      expect(quote.start).toBeGreaterThanOrEqual(graph.source.bodyStart ?? Infinity);
      expect(quote.end).toBeLessThanOrEqual(graph.source.bodyEnd ?? -Infinity);
    }
    expect(graph.source.bodyStart).toBe(MINIMAL_TEXT.indexOf('Widget sales in Testland'));
    expect(graph.source.bodyEnd).toBe(MINIMAL_TEXT.indexOf('to 1,200 units.') + 'to 1,200 units.'.length);
  });

  it('resolves a relative period against the publication date and keeps the words', () => {
    const relative = compiled(
      minimalAnnotation({
        figures: [
          figure(),
          figure({
            id: 'exports-end-2023',
            metric: ids.exportsMetric,
            value: 1200,
            unit: 'units',
            qualifier: 'exact',
            period: 'end of last year',
            periodWords: 'By the end of last year',
            quote: 'doubled to 1,200 units',
          }),
        ],
      }),
    );
    expect(relative.figures[1]).toMatchObject({
      periodLabel: 'end of 2023',
      periodStart: '2023-12-31',
      periodEnd: '2023-12-31',
      periodExpression: 'end of last year',
      periodRelative: true,
      periodWords: 'By the end of last year',
      name: '1,200 units (end of 2023)',
    });
  });

  it('names a figure with its qualifier', () => {
    expect(graph.figures[0]?.name).toBe('> 31 percent (2023)');
  });

  it('uses "occurrence" to pick a repeated quote', () => {
    const withOccurrence = compiled(minimalAnnotation({ claims: [claim({ quote: 'Testland', occurrence: 2 })] }));
    expect(withOccurrence.claims[0]?.quote.start).toBe(MINIMAL_TEXT.lastIndexOf('Testland'));
  });
});

describe('compileAnnotation: quotes', () => {
  it('reports a quote that is not in the text', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ quote: 'Widgets are the past' })] }))).toEqual([
      { path: ['claims', 0, 'quote'], message: 'quote not found in the source text' },
    ]);
  });

  it('reports a repeated quote without "occurrence"', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ quote: 'Testland' })] }))).toEqual([
      { path: ['claims', 0, 'quote'], message: 'quote is ambiguous: it occurs 2 times; add "occurrence" (1 to 2)' },
    ]);
  });

  it('reports an occurrence beyond the last, at "occurrence"', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ quote: 'Testland', occurrence: 3 })] }))).toEqual([
      { path: ['claims', 0, 'occurrence'], message: 'occurrence is out of range: the quote occurs 2 time(s)' },
    ]);
  });

  it.each([
    ['the cookie banner', 'Accept all cookies'],
    ['the title line (first occurrence of a repeated word)', 'Widgets boom in Testland'],
    ['the footer', 'Search Trends'],
  ])('rejects a claim quoting %s, outside the body', (_where, quote) => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ quote })] }))).toEqual([
      {
        path: ['claims', 0, 'quote'],
        message: 'quote lies outside the article body (page boilerplate cannot be quoted)',
      },
    ]);
  });

  it('rejects a figure quote outside the body too', () => {
    expect(issuesOf(minimalAnnotation({ figures: [figure({ quote: 'Testland', occurrence: 1 })] }))).toEqual([
      {
        path: ['figures', 0, 'quote'],
        message: 'quote lies outside the article body (page boilerplate cannot be quoted)',
      },
    ]);
  });

  it('reports body markers that are missing or in the wrong order', () => {
    const source = minimalAnnotation().source;
    expect(
      issuesOf(
        minimalAnnotation({ source: { ...source, body: { start: 'Once upon a time', end: 'to 1,200 units.' } } }),
      ),
    ).toEqual([{ path: ['source', 'body', 'start'], message: 'quote not found in the source text' }]);
    expect(
      issuesOf(
        minimalAnnotation({
          source: { ...source, body: { start: 'By the end of last year', end: 'the outlet reports.' } },
        }),
      ),
    ).toContainEqual({ path: ['source', 'body'], message: 'body.end comes before body.start' });
  });
});

describe('compileAnnotation: references', () => {
  it('reports an unknown id', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ speaker: 'nobody' })] }))).toEqual([
      {
        path: ['claims', 0, 'speaker'],
        message: 'unknown id "nobody": no person or organization or virtual presenter has it',
      },
      {
        path: ['claims', 0, 'speaker'],
        message: `narration is the outlet's own voice: its speaker must be the publisher "${ids.outlet}"`,
      },
    ]);
  });

  it('reports an id of the wrong kind', () => {
    expect(
      issuesOf(minimalAnnotation({ claims: [claim(), directQuote({ speaker: ids.widgets, role: undefined })] })),
    ).toEqual([
      {
        path: ['claims', 1, 'speaker'],
        message: `"${ids.widgets}" is a topic, but a person or organization or virtual presenter is required here`,
      },
    ]);
    expect(issuesOf(minimalAnnotation({ claims: [claim({ figures: [ids.share] })] }))).toEqual([
      { path: ['claims', 0, 'figures', 0], message: `"${ids.share}" is a metric, but a figure is required here` },
    ]);
  });

  it('reports a duplicate id, even across kinds', () => {
    const topics = [
      { id: ids.widgets, name: 'Widgets' },
      { id: ids.ann, name: 'Ann' },
    ];
    expect(issuesOf(minimalAnnotation({ topics }))).toEqual([
      { path: ['topics', 1, 'id'], message: `duplicate id "${ids.ann}" (already used by a person)` },
    ]);
  });

  it('reports a role held by someone other than the speaker', () => {
    const people = [...(minimalAnnotation().people ?? []), { id: 'bob', name: 'Bob' }];
    expect(issuesOf(minimalAnnotation({ people, claims: [claim(), directQuote({ speaker: 'bob' })] }))).toEqual([
      {
        path: ['claims', 1, 'role'],
        message: `role "${ids.annMinister}" belongs to "${ids.ann}", not to the speaker "bob"`,
      },
    ]);
  });

  it('requires narration to be spoken by the publisher', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ speaker: ids.ann })] }))).toEqual([
      {
        path: ['claims', 0, 'speaker'],
        message: `narration is the outlet's own voice: its speaker must be the publisher "${ids.outlet}"`,
      },
    ]);
  });

  it('reports a claim supporting itself', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ supports: ['share-exceeded-31'] })] }))).toEqual([
      { path: ['claims', 0, 'supports'], message: 'a claim cannot support or contradict itself' },
    ]);
  });

  it('requires a cause and an effect on a causal claim', () => {
    expect(issuesOf(minimalAnnotation({ claims: [claim({ kind: 'causal', causes: [ids.widgets] })] }))).toEqual([
      { path: ['claims', 0, 'kind'], message: 'a causal claim needs at least one cause and one effect' },
    ]);
  });

  it('reports a meta file that describes another text', () => {
    expect(issuesOf(minimalAnnotation(), MINIMAL_TEXT, minimalMeta({ file: 'other.txt' }))).toEqual([
      { path: ['source', 'metaFile'], message: 'the meta file describes "other.txt", not "minimal.txt"' },
    ]);
  });
});

describe('compileAnnotation: units, periods, roles, projections', () => {
  it('reports a unit that differs from the metric', () => {
    expect(issuesOf(minimalAnnotation({ figures: [figure({ unit: 'units' })] }))).toEqual([
      {
        path: ['figures', 0, 'unit'],
        message: `unit "units" differs from the unit of metric "${ids.share}" ("percent")`,
      },
    ]);
  });

  it.each(['2023-02-30', 'sometime'])('reports the bad period "%s" with the grammar', (period) => {
    const [issue, ...rest] = issuesOf(minimalAnnotation({ figures: [figure({ period })] }));
    expect(rest).toEqual([]);
    expect(issue?.path).toEqual(['figures', 0, 'period']);
    expect(issue?.message).toMatch(new RegExp(`^bad period or date "${period}"; write "2023", .*"end of last year"`));
  });

  it('reports period words that are not in the text', () => {
    expect(issuesOf(minimalAnnotation({ figures: [figure({ periodWords: 'in the year of the widget' })] }))).toEqual([
      { path: ['figures', 0, 'periodWords'], message: '"in the year of the widget" does not occur in the source text' },
    ]);
  });

  it('reports a current role that ended before publication, and "to" before "from"', () => {
    const people = [
      {
        id: ids.ann,
        name: 'Ann Example',
        roles: [
          {
            id: ids.annMinister,
            title: 'Minister',
            organization: ids.ministry,
            status: 'current' as const,
            from: '2020-01-01',
            to: '2019-01-01',
          },
        ],
      },
    ];
    expect(issuesOf(minimalAnnotation({ people }))).toEqual([
      { path: ['people', 0, 'roles', 0, 'to'], message: '"to" is before "from"' },
      {
        path: ['people', 0, 'roles', 0, 'status'],
        message: 'a role that ended on 2019-01-01 cannot be current at publication (2024-03-19)',
      },
    ]);
  });

  const target = {
    id: 'test-unit-target',
    name: 'Widgets over 50 percent by 2035',
    metric: ids.share,
    comparator: 'gt' as const,
    threshold: 50,
    unit: 'percent',
    deadline: '2035',
    setBy: ids.land,
  };

  it('checks "yearsEarlier" of a projection against its target deadline', () => {
    const projections = [
      { id: 'ann-projects', target: target.id, projectedBy: ids.ann, expectedBy: '2025', yearsEarlier: 9 },
    ];
    expect(issuesOf(minimalAnnotation({ targets: [target], projections }))).toEqual([
      { path: ['projections', 0, 'yearsEarlier'], message: '9 years earlier than the deadline 2035 is 2026, not 2025' },
    ]);
    const consistent = compiled(
      minimalAnnotation({ targets: [target], projections: [{ ...projections[0]!, yearsEarlier: 10 }] }),
    );
    expect(consistent.projections[0]).toMatchObject({
      key: `${ids.source}/ann-projects`,
      expectedBy: '2025-12-31',
      yearsEarlier: 10,
    });
  });

  it('reports a bad target deadline and a setter of the wrong kind', () => {
    expect(issuesOf(minimalAnnotation({ targets: [{ ...target, deadline: 'someday', setBy: ids.widgets }] }))).toEqual([
      {
        path: ['targets', 0, 'setBy'],
        message: `"${ids.widgets}" is a topic, but a place or organization or person is required here`,
      },
      { path: ['targets', 0, 'deadline'], message: expect.stringMatching(/^bad period or date "someday"/) },
    ]);
  });

  it('reports every problem of a file at once, not only the first', () => {
    const issues = issuesOf(
      minimalAnnotation({
        figures: [figure({ unit: 'units', period: 'sometime' })],
        claims: [claim({ quote: 'not there' }), directQuote({ speaker: 'nobody', role: undefined })],
      }),
    );
    expect(issues.map((issue) => issue.path?.join('.'))).toEqual([
      'figures.0.period',
      'figures.0.unit',
      'claims.0.quote',
      'claims.1.speaker',
    ]);
  });
});
