import type { IssuePath } from '../issues';
import type { Compilation } from './context';

/** The shared entities: organizations, people and their roles, presenters, topics and metrics. */
export function checkEntities(compilation: Compilation): void {
  const { annotation } = compilation;
  annotation.organizations.forEach((org, index) => {
    compilation.expect(['organizations', index, 'partOf'], org.partOf, 'organization');
    compilation.expect(['organizations', index, 'country'], org.country, 'place');
  });
  checkRoles(compilation);
  annotation.virtualPresenters.forEach((presenter, index) =>
    compilation.expect(['virtualPresenters', index, 'operatedBy'], presenter.operatedBy, 'organization'),
  );
  annotation.topics.forEach((topic, index) => {
    compilation.expect(['topics', index, 'broader'], topic.broader, 'topic');
    compilation.expectAll(['topics', index, 'includes'], topic.includes, 'topic');
  });
  annotation.metrics.forEach((metric, index) => compilation.expect(['metrics', index, 'place'], metric.place, 'place'));
}

/** A role names its organization, has ordered dates, and is not current if it ended before publication. */
function checkRoles(compilation: Compilation): void {
  const { publishedDate } = compilation.meta;
  compilation.annotation.people.forEach((person, index) =>
    person.roles.forEach((role, roleIndex) => {
      const path = ['people', index, 'roles', roleIndex];
      compilation.expect([...path, 'organization'], role.organization, 'organization');
      if (role.from && role.to && role.to < role.from) compilation.report([...path, 'to'], '"to" is before "from"');
      if (role.status === 'current' && role.to && role.to < publishedDate) {
        compilation.report(
          [...path, 'status'],
          `a role that ended on ${role.to} cannot be current at publication (${publishedDate})`,
        );
      }
    }),
  );
}

/** Reports a figure or target whose unit is not the unit of its metric. */
export function checkUnit(compilation: Compilation, path: IssuePath, metricId: string, unit: string): void {
  const metric = compilation.annotation.metrics.find((entry) => entry.id === metricId);
  if (metric !== undefined && metric.unit !== unit) {
    compilation.report(path, `unit "${unit}" differs from the unit of metric "${metricId}" ("${metric.unit}")`);
  }
}
