import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields the operation asks for directly under the field being resolved (or, with
 * `path`, under the fields it names below it, e.g. ['lineage', 'figures']), through inline
 * fragments and fragment spreads (whatever their type condition: asking too much only costs a
 * prefetch). Resolvers use it to fetch in one statement what their children would otherwise fetch
 * one level at a time.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) level = childFields(info, level).filter((field) => field.name.value === name);
  return new Set(childFields(info, level).map((field) => field.name.value));
}

/** The fields selected under any of `fields`, fragments flattened. */
function childFields(info: GraphQLResolveInfo, fields: readonly FieldNode[]): FieldNode[] {
  const children: FieldNode[] = [];
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) children.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        collect(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const field of fields) collect(field.selectionSet);
  return children;
}
