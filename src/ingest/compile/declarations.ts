import type { Compilation } from './context';

/** Declares every id of the file with its kind, reporting duplicates, before any reference is checked. */
export function declareIds(compilation: Compilation): void {
  const { annotation } = compilation;
  const declareAll = (kind: string, section: string, entries: { id: string }[]) =>
    entries.forEach((entry, index) => compilation.declare(kind, entry.id, [section, index, 'id']));
  declareAll('place', 'places', annotation.places);
  declareAll('organization', 'organizations', annotation.organizations);
  annotation.people.forEach((person, index) => {
    compilation.declare('person', person.id, ['people', index, 'id']);
    person.roles.forEach((role, roleIndex) =>
      compilation.declare('role', role.id, ['people', index, 'roles', roleIndex, 'id']),
    );
  });
  declareAll('virtual presenter', 'virtualPresenters', annotation.virtualPresenters);
  declareAll('topic', 'topics', annotation.topics);
  declareAll('metric', 'metrics', annotation.metrics);
  declareAll('figure', 'figures', annotation.figures);
  declareAll('target', 'targets', annotation.targets);
  declareAll('projection', 'projections', annotation.projections);
  declareAll('claim', 'claims', annotation.claims);
}
