import type { ResolvedPeriod } from '../../domain/period';
import type { Annotation } from '../annotation.schema';
import type { Compilation } from './context';
import { checkUnit } from './entities';

type AnnotationTarget = Annotation['targets'][number];
type AnnotationProjection = Annotation['projections'][number];

export interface CheckedTarget {
  target: AnnotationTarget;
  deadline: ResolvedPeriod | undefined;
}

export interface CheckedProjection {
  projection: AnnotationProjection;
  expected: ResolvedPeriod | undefined;
}

/** Targets: their metric, place, setter and unit, and their deadline. */
export function checkTargets(compilation: Compilation): CheckedTarget[] {
  return compilation.annotation.targets.map((target, index) => {
    const path = ['targets', index];
    compilation.expect([...path, 'metric'], target.metric, 'metric');
    compilation.expect([...path, 'place'], target.place, 'place');
    compilation.expect([...path, 'setBy'], target.setBy, 'place', 'organization', 'person');
    checkUnit(compilation, [...path, 'unit'], target.metric, target.unit);
    return { target, deadline: compilation.period([...path, 'deadline'], target.deadline) };
  });
}

/** Projections: their target and author, and "yearsEarlier" against the target's deadline. */
export function checkProjections(compilation: Compilation, targets: CheckedTarget[]): CheckedProjection[] {
  const deadlines = new Map(targets.map(({ target, deadline }) => [target.id, deadline]));
  return compilation.annotation.projections.map((projection, index) => {
    const path = ['projections', index];
    compilation.expect([...path, 'target'], projection.target, 'target');
    compilation.expect([...path, 'projectedBy'], projection.projectedBy, 'person', 'organization');
    const expected = compilation.period([...path, 'expectedBy'], projection.expectedBy);
    const deadline = deadlines.get(projection.target);
    if (expected && deadline && projection.yearsEarlier !== undefined) {
      const deadlineYear = Number(deadline.end.slice(0, 4));
      if (deadlineYear - Number(expected.end.slice(0, 4)) !== projection.yearsEarlier) {
        compilation.report(
          [...path, 'yearsEarlier'],
          `${projection.yearsEarlier} years earlier than the deadline ${deadline.label} is ${deadlineYear - projection.yearsEarlier}, not ${expected.label}`,
        );
      }
    }
    return { projection, expected };
  });
}
