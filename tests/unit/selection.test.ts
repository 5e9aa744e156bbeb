import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';

import { selectedFields } from '../../src/modules/common/selection';

/** Runs `query` against a tiny schema and returns what `selectedFields` saw at Query.claim. */
function fieldsSeenAtClaim(query: string, path: string[] = []): string[] {
  const schema = buildSchema(`
    type FigureLineage { figure: String samePeriod: String series: String }
    type Lineage { source: String quote: String figures: [FigureLineage] }
    type Claim { id: ID text: String lineage: Lineage }
    type Query { claim: Claim }
  `);
  let seen: string[] = [];
  execute({
    schema,
    document: parse(query),
    rootValue: {
      claim: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        seen = [...selectedFields(info, path)].sort();
        return null;
      },
    },
  });
  return seen;
}

describe('selectedFields: the fields asked for directly under the field being resolved', () => {
  it('lists direct fields, not the fields nested below them', () => {
    expect(fieldsSeenAtClaim('{ claim { id lineage { source } } }')).toEqual(['id', 'lineage']);
  });

  it('follows inline fragments and fragment spreads, fragments spread twice included', () => {
    expect(
      fieldsSeenAtClaim(
        '{ claim { ... on Claim { text } ...Traced ...Traced } } fragment Traced on Claim { lineage { quote } }',
      ),
    ).toEqual(['lineage', 'text']);
  });

  it('merges the selections of a field asked for twice', () => {
    expect(fieldsSeenAtClaim('{ claim { id } claim { lineage { quote } } }')).toEqual(['id', 'lineage']);
  });

  it('sees aliased fields by their name', () => {
    expect(fieldsSeenAtClaim('{ claim { trace: lineage { quote } } }')).toEqual(['lineage']);
  });

  it('looks further down a path of field names, through fragments at every level', () => {
    const query = `{ claim { lineage { source figures { figure } } ...Deep } }
      fragment Deep on Claim { lineage { ... on Lineage { figures { samePeriod } } } }`;
    expect(fieldsSeenAtClaim(query, ['lineage'])).toEqual(['figures', 'source']);
    expect(fieldsSeenAtClaim(query, ['lineage', 'figures'])).toEqual(['figure', 'samePeriod']);
    expect(fieldsSeenAtClaim(query, ['lineage', 'quote'])).toEqual([]);
    expect(fieldsSeenAtClaim('{ claim { id } }', ['lineage', 'figures'])).toEqual([]);
  });
});
