import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import { DEFAULT_PAGE_SIZE } from '../modules/common/pagination';

/**
 * The expected database work of one field, in Neo4j db hits, measured on the bench `medium` data
 * by `bench/cost-weights.mjs` (see docs/cost-model.md):
 * - `statement`: once per occurrence of the field in the operation (a loader batches every parent
 *   of one level into one statement);
 * - `perParent`: for each parent object the field is resolved on;
 * - `perItem`: for each item a page returns (connections and `first`-bounded lists: `first` items);
 * - `fanout`: how many items a list without `first` holds per parent on average (rounded up).
 */
export interface FieldWeight {
  statement?: number;
  perParent?: number;
  perItem?: number;
  fanout?: number;
}

export interface CostWeights {
  /** For a relationship (object or list) field that was not measured. */
  default: Required<FieldWeight>;
  /**
   * Work a type's fields share (a look-ahead fetching all of them with the first one asked for),
   * charged once per object when any of its fields is selected.
   */
  types?: Record<string, Pick<FieldWeight, 'statement' | 'perParent'>>;
  /** By `Type.field`; a connection's `totalCount` by its owner, e.g. `Query.claims.totalCount`. */
  fields: Record<string, FieldWeight>;
}

/** The field whose own fetch costs most, and the `first` arguments that multiply it, nearest first. */
export interface CostliestField {
  field: string;
  path: string;
  cost: number;
  lower: readonly string[];
}

export interface CostEstimate {
  /** Expected db hits. */
  cost: number;
  costliest: CostliestField | null;
  /** Objects the answer holds at most (pages at their `first`, lists at their fanout), page structure aside. */
  objects: number;
  /** The field returning most objects (its `cost` counts objects). */
  largest: CostliestField | null;
}

/** Where a field is resolved: on how many parent objects, under which pages. */
interface Scope {
  items: number;
  path: string;
  /** The `first` arguments above, nearest first, as `Type.field(first:)`. */
  lower: readonly string[];
  /** Inside a connection: its page size and its weight key (for `edges` and `totalCount`). */
  page?: { size: number; owner: string };
}

type Variables = Record<string, unknown>;

const isConnectionType = (type: GraphQLCompositeType) => isObjectType(type) && /Connection$/.test(type.name);

/** A connection's or an edge's fields only carry what the connection fetched. */
const isPageStructure = (type: GraphQLObjectType) => /(Connection|Edge)$/.test(type.name);

class CostWalk {
  costliest: CostliestField | null = null;
  largest: CostliestField | null = null;
  objects = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
    private readonly weights: CostWeights,
  ) {}

  /** An abstract type costs what its costliest possible type costs. */
  selection(type: GraphQLCompositeType, sets: readonly SelectionSetNode[], scope: Scope): number {
    if (!isAbstractType(type)) return this.objectSelection(type, sets, scope);
    let most = 0;
    for (const possible of this.schema.getPossibleTypes(type)) {
      most = Math.max(most, this.objectSelection(possible, sets, scope));
    }
    return most;
  }

  private objectSelection(type: GraphQLObjectType, sets: readonly SelectionSetNode[], scope: Scope): number {
    const fields = this.collect(type, sets);
    const shared = this.weights.types?.[type.name];
    const asksForFields = [...fields.values()].some((nodes) => !nodes[0]!.name.value.startsWith('__'));
    let total = 0;
    if (shared && asksForFields) {
      total += this.charge(
        type.name,
        scope.path,
        (shared.statement ?? 0) + scope.items * (shared.perParent ?? 0),
        scope.lower,
      );
    }
    for (const nodes of fields.values()) total += this.field(type, nodes, scope);
    return total;
  }

  /** Records `cost` as the costliest so far if it is; returns it. */
  private charge(field: string, path: string, cost: number, lower: readonly string[]): number {
    if (cost > 0 && (this.costliest === null || cost > this.costliest.cost))
      this.costliest = { field, path, cost, lower };
    return cost;
  }

  /** The fields executed for `type`, grouped by response key as graphql-js does (fragments once each). */
  private collect(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          fields.set(key, [...(fields.get(key) ?? []), selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.applies(selection.typeCondition?.name.value, type)) visit(selection.selectionSet);
        } else if (!visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          const fragment = this.fragments[selection.name.value];
          if (fragment && this.applies(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of sets) visit(set);
    return fields;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private included(node: Parameters<typeof getDirectiveValues>[1]): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }

  private field(parent: GraphQLObjectType, nodes: readonly FieldNode[], scope: Scope): number {
    const node = nodes[0]!;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0; // __typename and other meta fields
    const name = `${parent.name}.${definition.name}`;
    const key = scope.page && definition.name === 'totalCount' ? `${scope.page.owner}.totalCount` : name;
    const returned = getNamedType(definition.type);
    const first = this.firstOf(definition, node);
    const isConnection = isCompositeType(returned) && isConnectionType(returned);
    const measured = this.weights.fields[key];
    const weight =
      measured ??
      (isCompositeType(returned) && !isPageStructure(parent) && returned.name !== 'PageInfo'
        ? this.weights.default
        : {});
    const perParent = this.itemsPerParent(definition, parent, first, isConnection, weight, scope);
    const own =
      (weight.statement ?? 0) +
      scope.items *
        ((weight.perParent ?? 0) + (isConnection || first !== undefined ? perParent : 0) * (weight.perItem ?? 0));
    // A count does not shrink with its own page's `first`; only the pages above it multiply it.
    const above = key.endsWith('.totalCount') && scope.page ? scope.lower.slice(1) : scope.lower;
    const lower = first === undefined ? above : [`${name}(first:)`, ...scope.lower];
    const path = scope.path
      ? `${scope.path}.${node.alias?.value ?? node.name.value}`
      : (node.alias?.value ?? node.name.value);
    this.charge(key, path, own, lower);
    if (!isCompositeType(returned)) return own;
    if (!isPageStructure(parent) && returned.name !== 'PageInfo') {
      this.count(name, path, scope.items * perParent, lower);
    }
    const sets = nodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
    const child: Scope = isConnection
      ? { items: scope.items, path, lower, page: { size: perParent, owner: name } }
      : { items: scope.items * perParent, path, lower };
    return own + this.selection(returned, sets, child);
  }

  /** Adds the objects a field returns; records it as the largest so far if it is. */
  private count(field: string, path: string, objects: number, lower: readonly string[]): void {
    this.objects += objects;
    if (objects > 0 && (this.largest === null || objects > this.largest.cost)) {
      this.largest = { field, path, cost: objects, lower };
    }
  }

  /** A page's `first` (with the schema's default, else the service's), or undefined without one. */
  private firstOf(definition: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    if (!definition.args.some((arg) => arg.name === 'first')) return undefined;
    const first = getArgumentValues(definition, node, this.variables).first;
    return typeof first === 'number' ? Math.max(0, first) : DEFAULT_PAGE_SIZE;
  }

  /** How many items one parent gets: a page's size, an edge list's page, a list's fanout, or one. */
  private itemsPerParent(
    definition: GraphQLField<unknown, unknown>,
    parent: GraphQLObjectType,
    first: number | undefined,
    isConnection: boolean,
    weight: FieldWeight,
    scope: Scope,
  ): number {
    if (isConnection || first !== undefined) return first ?? DEFAULT_PAGE_SIZE;
    if (!isListType(getNullableType(definition.type))) return 1;
    if (isConnectionType(parent) && scope.page) return scope.page.size;
    return Math.max(1, Math.ceil(weight.fanout ?? this.weights.default.fanout));
  }
}

/**
 * The expected db hits of an operation with its variables, and the field that costs most. Run after
 * validation (fragments exist and do not cycle, fields and arguments are valid).
 */
export function estimateCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Variables;
  weights: CostWeights;
}): CostEstimate {
  const { schema, document, operation, variables, weights } = options;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, costliest: null, objects: 0, largest: null };
  const walk = new CostWalk(schema, fragments, variables, weights);
  const cost = walk.selection(root, [operation.selectionSet], { items: 1, path: '', lower: [] });
  return { cost, costliest: walk.costliest, objects: walk.objects, largest: walk.largest };
}
