import fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  parseType,
  print,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

import { valueFor, type ValueContext } from './values';

/**
 * Operations generated from the schema: one root field of Query or Mutation with arguments from
 * tests/fuzz/values.ts, and a selection drawn from its output type down to a bounded depth (inline
 * fragments on the possible types of interfaces and unions, `__typename` where the response checker
 * needs it, an alias now and then). Each argument is sent as a variable or, sometimes, as a literal.
 */

export interface RootField {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every query and mutation of the schema, in schema order. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const of = (operation: RootField['operation'], type: GraphQLObjectType | null | undefined) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ operation, field }));
  return [...of('query', schema.getQueryType()), ...of('mutation', schema.getMutationType())];
}

interface ArgumentPlan {
  name: string;
  type: GraphQLInputType;
  value: unknown;
  literal: boolean;
}

export interface FieldPlan {
  name: string;
  alias?: string;
  args: ArgumentPlan[];
  selection?: SelectionPlan;
}

interface SelectionPlan {
  typename: boolean;
  fields: readonly FieldPlan[];
  fragments: readonly { on: string; selection: SelectionPlan }[];
}

export interface GeneratedOperation {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  document: DocumentNode;
}

const MAX_FIELDS = 4;

/** What generation needs: the schema (for the possible types of interfaces and unions) and the values. */
export interface GenerationContext extends ValueContext {
  schema: GraphQLSchema;
}

/** The `id` of `Query.claim(id)` takes a Claim id: the field's own object type names the kind. */
function idKindsOf(field: GraphQLField<unknown, unknown>): string[] | undefined {
  const named = getNamedType(field.type);
  return isObjectType(named) && named.getFields().id ? [named.name] : undefined;
}

function argumentsFor(field: GraphQLField<unknown, unknown>, context: ValueContext): fc.Arbitrary<ArgumentPlan[]> {
  const fieldContext = { ...context, idKinds: idKindsOf(field) };
  const plans = field.args.map((argument: GraphQLArgument) =>
    fc
      .tuple(valueFor(argument.type, argument.name, fieldContext), fc.nat(9))
      .map(([value, dice]) => ({ name: argument.name, type: argument.type, value, literal: dice < 2 })),
  );
  return fc.tuple(...plans).map((args) => args.filter((argument) => argument.value !== undefined));
}

function fieldPlan(
  field: GraphQLField<unknown, unknown>,
  depth: number,
  context: GenerationContext,
): fc.Arbitrary<FieldPlan> {
  const named = getNamedType(field.type);
  const selection = isLeafType(named)
    ? fc.constant(undefined)
    : selectionPlan(named as GraphQLCompositeType, depth - 1, context);
  return fc.tuple(argumentsFor(field, context), selection, fc.nat(9)).map(([args, sub, dice]) => ({
    name: field.name,
    alias: dice === 0 ? `a_${field.name}` : undefined,
    args,
    selection: sub,
  }));
}

/**
 * A selection on `type` with at most `depth` more levels: a subset of its fields (only leaves once
 * the depth is used up) and, for an abstract type, `__typename` and fragments on some possible types.
 */
export function selectionPlan(
  type: GraphQLCompositeType,
  depth: number,
  context: GenerationContext,
): fc.Arbitrary<SelectionPlan> {
  const fields = isUnionType(type) ? [] : Object.values(type.getFields());
  const allowed = depth > 0 ? fields : fields.filter((field) => isLeafType(getNamedType(field.type)));
  const chosenFields: fc.Arbitrary<readonly FieldPlan[]> =
    allowed.length === 0
      ? fc.constant([])
      : fc
          .subarray(allowed, { minLength: 0, maxLength: Math.min(MAX_FIELDS, allowed.length) })
          .chain((chosen) => fc.tuple(...chosen.map((field) => fieldPlan(field, depth, context))));
  const possible = isAbstractType(type) && depth > 0 ? [...context.schema.getPossibleTypes(type)] : [];
  const fragments: fc.Arbitrary<SelectionPlan['fragments']> =
    possible.length === 0
      ? fc.constant([])
      : fc
          .subarray(possible, { minLength: 0, maxLength: Math.min(2, possible.length) })
          .chain((chosen) =>
            fc.tuple(
              ...chosen.map((member) =>
                selectionPlan(member, depth - 1, context).map((selection) => ({ on: member.name, selection })),
              ),
            ),
          );
  return fc.tuple(chosenFields, fragments, fc.boolean()).map(([picked, spreads, typename]) => ({
    // Abstract types always ask __typename: the checker needs it to know which fields apply.
    typename: typename || isAbstractType(type) || (picked.length === 0 && spreads.length === 0),
    fields: picked,
    fragments: spreads,
  }));
}

/** An operation on one root field; `maxDepth` bounds the selection below it. */
export function operationFor(
  root: RootField,
  context: GenerationContext,
  maxDepth: number,
): fc.Arbitrary<{ root: RootField; plan: FieldPlan }> {
  return fc
    .integer({ min: 1, max: maxDepth })
    .chain((depth) => fieldPlan(root.field, depth, context))
    .map((plan) => ({ root, plan }));
}

/** A JSON value as a GraphQL literal of `type` (enum names unquoted); mismatched kinds stay as they are. */
export function toLiteral(value: unknown, type: GraphQLInputType | undefined): ValueNode {
  const nullable = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return { kind: Kind.NULL };
  if (Array.isArray(value)) {
    const item = nullable && isListType(nullable) ? nullable.ofType : undefined;
    return { kind: Kind.LIST, values: value.map((entry) => toLiteral(entry, item)) };
  }
  if (typeof value === 'object') {
    // A single object given for a list of input objects is coerced to a one-item list: its fields
    // are those of the named input type either way.
    const named = nullable ? getNamedType(nullable) : undefined;
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    return {
      kind: Kind.OBJECT,
      fields: Object.entries(value).map(([name, entry]) => ({
        kind: Kind.OBJECT_FIELD,
        name: { kind: Kind.NAME, value: name },
        value: toLiteral(entry, fields[name]?.type),
      })),
    };
  }
  if (typeof value === 'string') {
    const named = nullable ? getNamedType(nullable) : undefined;
    if (
      named &&
      isEnumType(named) &&
      /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) &&
      !['true', 'false', 'null'].includes(value)
    ) {
      return { kind: Kind.ENUM, value };
    }
    return { kind: Kind.STRING, value };
  }
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { kind: Kind.INT, value: String(value) }
      : { kind: Kind.FLOAT, value: String(value) };
  }
  return { kind: Kind.BOOLEAN, value: Boolean(value) };
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/** Prints a planned operation: its text, its variables, and its document for the response checker. */
export function printOperation(root: RootField, plan: FieldPlan, operationName: string): GeneratedOperation {
  const variables: Record<string, unknown> = {};
  const definitions: VariableDefinitionNode[] = [];
  const argumentNodes = (args: ArgumentPlan[]): ArgumentNode[] =>
    args.map((argument) => {
      if (argument.literal) {
        return { kind: Kind.ARGUMENT, name: name(argument.name), value: toLiteral(argument.value, argument.type) };
      }
      const variable = name(`v${definitions.length}`);
      variables[variable.value] = argument.value;
      definitions.push({
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: variable },
        type: parseType(String(argument.type)),
      });
      return { kind: Kind.ARGUMENT, name: name(argument.name), value: { kind: Kind.VARIABLE, name: variable } };
    });
  // Fields of a fragment are aliased by its type (Person_name): fields of one name on two possible
  // types may have different types or arguments, which graphql-js refuses to merge.
  const selectionSet = (selection: SelectionPlan, fragmentType?: string): SelectionSetNode => ({
    kind: Kind.SELECTION_SET,
    selections: [
      ...(selection.typename ? [{ kind: Kind.FIELD, name: name('__typename') } as const] : []),
      ...selection.fields.map((field) => fieldNode(field, fragmentType)),
      ...selection.fragments.map((fragment): InlineFragmentNode => ({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: { kind: Kind.NAMED_TYPE, name: name(fragment.on) },
        selectionSet: selectionSet(fragment.selection, fragment.on),
      })),
    ],
  });
  function fieldNode(field: FieldPlan, fragmentType?: string): FieldNode {
    const alias = fragmentType ? `${fragmentType}_${field.alias ?? field.name}` : field.alias;
    return {
      kind: Kind.FIELD,
      alias: alias ? name(alias) : undefined,
      name: name(field.name),
      arguments: argumentNodes(field.args),
      selectionSet: field.selection ? selectionSet(field.selection) : undefined,
    };
  }
  const rootNode = fieldNode(plan);
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: root.operation === 'query' ? OperationTypeNode.QUERY : OperationTypeNode.MUTATION,
        name: name(operationName),
        variableDefinitions: definitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [rootNode] },
      },
    ],
  };
  return { operationName, query: print(document), variables, document };
}
