import { GraphQLEnumType, type GraphQLSchema } from 'graphql';
import type { z } from 'zod';

import {
  attributions,
  claimKinds,
  comparators,
  constantCase,
  qualifiers,
  roleStatuses,
  stances,
  sourceKinds,
} from '../../src/domain/vocabulary';
import { annotationSchema } from '../../src/ingest/annotation.schema';
import { createSchema } from '../../src/schema';
import { enumName } from '../support/seed-data';

/**
 * Each vocabulary is written once (src/domain/vocabulary.ts); these tests tie what derives from it
 * together: the GraphQL enum names a stored value by its CONSTANT_CASE, and the annotation format
 * accepts exactly the stored values.
 */
describe('the vocabularies', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  const graphqlEnum = (name: string): { name: string; value: unknown }[] => {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not a GraphQL enum`);
    return type.getValues().map(({ name: valueName, value }) => ({ name: valueName, value }));
  };

  it.each([
    ['ClaimKind', claimKinds],
    ['Attribution', attributions],
    ['Qualifier', qualifiers],
    ['Comparator', comparators],
    ['RoleStatus', roleStatuses],
    ['Stance', stances],
  ])('GraphQL %s names each stored value in CONSTANT_CASE, in vocabulary order', (name, values) => {
    expect(graphqlEnum(name)).toEqual(values.map((value) => ({ name: constantCase(value), value })));
  });

  it('names annotation "direct-quote" DIRECT_QUOTE in GraphQL, as the tests expect', () => {
    expect(constantCase('direct-quote')).toBe('DIRECT_QUOTE');
    expect(constantCase('at-least')).toBe('AT_LEAST');
    for (const value of [...attributions, ...qualifiers]) expect(enumName(value)).toBe(constantCase(value));
  });

  const options = (schemaOf: z.ZodType): readonly string[] => {
    const inner = schemaOf as unknown as { unwrap?: () => z.ZodType; options?: readonly string[] };
    if (inner.options) return inner.options;
    if (inner.unwrap) return options(inner.unwrap());
    throw new Error('not an enum schema');
  };

  it('accepts exactly the stored values in annotation files', () => {
    const { shape } = annotationSchema;
    const claim = shape.claims.element.shape;
    expect(options(claim.kind)).toEqual(claimKinds);
    expect(options(claim.attribution)).toEqual(attributions);
    expect(options(shape.figures.unwrap().element.shape.qualifier)).toEqual(qualifiers);
    expect(options(shape.targets.unwrap().element.shape.comparator)).toEqual(comparators);
    const role = shape.people.unwrap().element.shape.roles.unwrap().element.shape;
    expect(options(role.status)).toEqual(roleStatuses);
    expect(options(shape.source.shape.kind)).toEqual(sourceKinds);
  });
});
