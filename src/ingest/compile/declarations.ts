import { ENTITY_SECTIONS, KIND_OF_SECTION, sameDeclaration } from '../shared-entities';
import type { Compilation } from './context';

/**
 * Declares every id of the file with its kind, reporting duplicates, before any reference is
 * checked. An entity the shared entities already declare may be repeated only as declared there:
 * a different declaration is refused, naming where the shared one is.
 */
export function declareIds(compilation: Compilation): void {
  const { annotation, shared } = compilation;
  for (const section of ENTITY_SECTIONS) {
    (annotation[section] as { id: string }[]).forEach((entry, index) => {
      const declared = shared.byId.get(entry.id);
      if (declared === undefined) {
        compilation.declare(KIND_OF_SECTION[section], entry.id, [section, index, 'id']);
        if (section === 'people') {
          annotation.people[index]!.roles.forEach((role, roleIndex) =>
            compilation.declare('role', role.id, ['people', index, 'roles', roleIndex, 'id']),
          );
        }
      } else if (declared.section !== section || !sameDeclaration(declared.entry, entry)) {
        compilation.report(
          [section, index, 'id'],
          `"${entry.id}" conflicts with its declaration in ${declared.at}; declare it once there and refer to it by id`,
        );
      }
    });
  }
  const declareAll = (kind: string, section: string, entries: { id: string }[]) =>
    entries.forEach((entry, index) => compilation.declare(kind, entry.id, [section, index, 'id']));
  declareAll('figure', 'figures', annotation.figures);
  declareAll('target', 'targets', annotation.targets);
  declareAll('projection', 'projections', annotation.projections);
  declareAll('claim', 'claims', annotation.claims);
  // Sources this one republishes or cites live in other files: their existence is checked on writing.
  const { republishes, cites } = annotation.source;
  for (const id of new Set([...republishes, ...cites])) {
    if (compilation.kindOfId(id) === undefined) compilation.declare('source', id, ['source', 'cites']);
  }
}
