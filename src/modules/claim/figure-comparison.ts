import {
  compareStated,
  exactDifference,
  relativeDifferencePercent,
  type Consistency,
  type StatedFigure,
} from '../../domain/consistency';
import type { FigureData, SiblingData } from '../figure/figure.mapper';

/** A figure compared with the one a claim cites (the data of a FigureComparison). */
export interface FigureComparisonData extends Consistency {
  figure: FigureData;
  difference: number | null;
  exactDifference: string | null;
  relativeDifferencePercent: number | null;
}

export const statedOf = (figure: FigureData): StatedFigure => ({
  qualifier: figure.qualifier,
  decimal: figure.decimal,
  lowDecimal: figure.lowDecimal,
  highDecimal: figure.highDecimal,
  rank: figure.rank,
});

const measureOf = (figure: FigureData) => (figure.changeType === null ? 'a level' : `a ${figure.changeType} change`);

/** Why a sibling that is not a check of the cited figure says nothing about it. */
function notACheck(cited: FigureData, { figure, relation }: SiblingData): Consistency | null {
  switch (relation) {
    case 'same-period':
      return null;
    case 'other-period':
      return {
        consistent: false,
        reason: `Not compared: another period (${figure.period.label}; the cited figure is for ${cited.period.label}).`,
      };
    case 'same-source':
      return { consistent: false, reason: 'Not compared: the same source reports both figures.' };
    case 'other-place':
      return { consistent: false, reason: 'Not compared: the figure is for another place.' };
    case 'other-measure':
      return {
        consistent: false,
        reason: `Not compared: ${measureOf(figure)}, where the cited figure is ${measureOf(cited)}.`,
      };
  }
}

/**
 * How another figure of the cited figure's metric stands to it. Only a figure of the same place,
 * measure and period from another source is checked for consistency (src/domain/consistency.ts);
 * the difference is exact (decimal strings), given whenever both are values of one measure.
 */
export function compareFigures(cited: FigureData, sibling: SiblingData): FigureComparisonData {
  const citedStated = statedOf(cited);
  const otherStated = statedOf(sibling.figure);
  const difference = sibling.relation === 'other-measure' ? null : exactDifference(citedStated, otherStated);
  const relative = difference === null ? null : relativeDifferencePercent(citedStated, otherStated);
  return {
    figure: sibling.figure,
    ...(notACheck(cited, sibling) ?? compareStated(citedStated, otherStated)),
    difference: difference === null ? null : difference.toNumber(),
    exactDifference: difference === null ? null : difference.toFixed(),
    relativeDifferencePercent: relative === null ? null : relative.toNumber(),
  };
}
