import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLEnumType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Checks a GraphQL response against the schema types of the selection that asked for it:
 * the response shape of the GraphQL spec (data and/or errors), every error coded, every selected
 * field present and no other, non-null fields never null (the spec propagates an error's null up to
 * the nearest nullable field, so a null in a non-null position is wrong even beside an error), lists
 * are lists, enum values are values of the enum, scalars of the right kind, and every error path
 * leads to a null. Returns the violations found; an empty list means the response conforms.
 */

export type Path = (string | number)[];

export interface ResponseBody {
  data?: unknown;
  errors?: unknown;
  extensions?: unknown;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  violations: string[];
}

const at = (path: Path) => (path.length === 0 ? 'data' : `data.${path.join('.')}`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: Date.parse would roll 2023-02-30 over to March 2. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return LOCAL_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a serialized scalar has the kind its type promises; unknown custom scalars accept any JSON. */
export function scalarConforms(type: GraphQLScalarType, value: unknown): boolean {
  switch (type.name) {
    case 'String':
    case 'ID':
      return typeof value === 'string';
    case 'Int':
      return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'Boolean':
      return typeof value === 'boolean';
    case 'LocalDate':
      return typeof value === 'string' && isCalendarDate(value);
    case 'DateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'JSONObject':
      return isPlainObject(value);
    default:
      return value !== undefined;
  }
}

function checkErrors(errors: unknown, violations: string[]): Path[] {
  if (errors === undefined) return [];
  if (!Array.isArray(errors) || errors.length === 0) {
    violations.push('errors: must be a non-empty list when present');
    return [];
  }
  const paths: Path[] = [];
  errors.forEach((error, index) => {
    if (!isPlainObject(error) || typeof error.message !== 'string') {
      violations.push(`errors[${index}]: must be an object with a string message`);
      return;
    }
    const code = isPlainObject(error.extensions) ? error.extensions.code : undefined;
    if (typeof code !== 'string') violations.push(`errors[${index}]: has no extensions.code`);
    if (Array.isArray(error.path)) paths.push(error.path as Path);
  });
  return paths;
}

/** An error path must lead to a null: the field that failed, or a nullable ancestor the null went up to. */
function errorPathReachesNull(data: unknown, path: Path): boolean {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || node === undefined) return true;
    if (typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node === null || node === undefined;
}

export function checkResponse(schema: GraphQLSchema, document: DocumentNode, body: unknown): string[] {
  const violations: string[] = [];
  if (!isPlainObject(body)) return ['response: the body is not a JSON object'];
  for (const key of Object.keys(body)) {
    if (!['data', 'errors', 'extensions'].includes(key)) violations.push(`response: unexpected top-level key "${key}"`);
  }
  const errorPaths = checkErrors(body.errors, violations);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return [...violations, 'request: the document has no operation'];
  if (body.data === undefined || body.data === null) {
    if (body.errors === undefined) violations.push('response: neither data nor errors');
    return violations;
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return [...violations, `schema: no root type for ${operation.operation}`];
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const walk: Walk = { schema, fragments, violations };
  checkObject(walk, root, operation.selectionSet, body.data, []);
  for (const path of errorPaths) {
    if (!errorPathReachesNull(body.data, path)) violations.push(`errors: path ${at(path)} does not lead to a null`);
  }
  return violations;
}

/** The fields a selection set asks of an object of `type`, by response key (graphql-js CollectFields). */
function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    const conditionType = condition === undefined ? type : walk.schema.getType(condition);
    const applies =
      conditionType === type ||
      (conditionType !== undefined && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type));
    if (applies) collectFields(walk, type, fragment.selectionSet, into);
  }
  return into;
}

function runtimeType(walk: Walk, type: GraphQLCompositeType, value: Record<string, unknown>, path: Path) {
  if (isObjectType(type)) {
    if ('__typename' in value && value.__typename !== type.name) {
      walk.violations.push(`${at(path)}.__typename: "${String(value.__typename)}" is not ${type.name}`);
    }
    return type;
  }
  const typename = value.__typename;
  const named = typeof typename === 'string' ? walk.schema.getType(typename) : undefined;
  if (!named || !isObjectType(named) || !walk.schema.isSubType(type, named)) {
    walk.violations.push(`${at(path)}: __typename ${JSON.stringify(typename)} is not a possible type of ${type.name}`);
    return undefined;
  }
  return named;
}

function checkObject(
  walk: Walk,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  value: unknown,
  path: Path,
): void {
  if (!isPlainObject(value)) {
    walk.violations.push(`${at(path)}: expected an object of ${type.name}, got ${JSON.stringify(value)}`);
    return;
  }
  const objectType = runtimeType(walk, type, value, path);
  if (!objectType) return;
  const fields = collectFields(walk, objectType, selectionSet);
  for (const key of Object.keys(value)) {
    if (!fields.has(key)) walk.violations.push(`${at([...path, key])}: not selected`);
  }
  for (const [key, nodes] of fields) {
    const fieldPath = [...path, key];
    const first = nodes[0] as FieldNode;
    if (!(key in value)) {
      walk.violations.push(`${at(fieldPath)}: selected but missing`);
      continue;
    }
    const name = first.name.value;
    if (name === '__typename') {
      if (value[key] !== objectType.name) walk.violations.push(`${at(fieldPath)}: is not "${objectType.name}"`);
      continue;
    }
    const field = objectType.getFields()[name];
    if (!field) {
      walk.violations.push(`${at(fieldPath)}: ${objectType.name} has no field ${name}`);
      continue;
    }
    const selections = nodes.flatMap((node) => node.selectionSet?.selections ?? []);
    const merged: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
    checkValue(walk, field.type, merged, value[key], fieldPath);
  }
}

function checkValue(
  walk: Walk,
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode,
  value: unknown,
  path: Path,
): void {
  if (value === null || value === undefined) {
    if (isNonNullType(type)) walk.violations.push(`${at(path)}: null in a non-null position (${String(type)})`);
    return;
  }
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    if (!Array.isArray(value)) {
      walk.violations.push(`${at(path)}: expected a list (${String(nullable)})`);
      return;
    }
    value.forEach((item, index) => checkValue(walk, nullable.ofType, selectionSet, item, [...path, index]));
    return;
  }
  const named = getNamedType(nullable);
  if (isEnumType(named)) {
    if (typeof value !== 'string' || !(named as GraphQLEnumType).getValue(value)) {
      walk.violations.push(`${at(path)}: ${JSON.stringify(value)} is not a value of ${named.name}`);
    }
    return;
  }
  if (isScalarType(named)) {
    if (!scalarConforms(named, value)) {
      walk.violations.push(`${at(path)}: ${JSON.stringify(value).slice(0, 80)} is not a ${named.name}`);
    }
    return;
  }
  checkObject(walk, named as GraphQLCompositeType, selectionSet, value, path);
}
