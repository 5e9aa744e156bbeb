import type { TextAnchor } from '../../domain/anchor';
import type { ResolvedPeriod } from '../../domain/period';
import type { AnnotationFigure } from '../annotation.schema';
import type { Compilation } from './context';
import { checkUnit } from './entities';

export interface CheckedFigure {
  figure: AnnotationFigure;
  period: ResolvedPeriod | undefined;
  anchor: TextAnchor | undefined;
}

/** Figures: their metric, place and unit, their period, the words it was read from, and their quote. */
export function checkFigures(compilation: Compilation): CheckedFigure[] {
  return compilation.annotation.figures.map((figure, index) => {
    const path = ['figures', index];
    compilation.expect([...path, 'metric'], figure.metric, 'metric');
    compilation.expect([...path, 'place'], figure.place, 'place');
    checkUnit(compilation, [...path, 'unit'], figure.metric, figure.unit);
    if (figure.periodWords !== undefined && !compilation.text.includes(figure.periodWords)) {
      compilation.report([...path, 'periodWords'], `"${figure.periodWords}" does not occur in the source text`);
    }
    return {
      figure,
      period: compilation.period([...path, 'period'], figure.period),
      anchor: compilation.anchor(path, figure.quote, figure.occurrence),
    };
  });
}
