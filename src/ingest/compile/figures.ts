import type { TextAnchor } from '../../domain/anchor';
import type { Violation } from '../../domain/checked';
import {
  DECIMAL_MESSAGE,
  figureEvidenceViolations,
  figureViolations,
  writtenDecimal,
  type FigureDraft,
} from '../../domain/figure';
import type { ResolvedPeriod } from '../../domain/period';
import type { AnnotationClaim, AnnotationFigure } from '../annotation.schema';
import type { IssuePath } from '../issues';
import type { Compilation } from './context';

export interface CheckedFigure {
  figure: AnnotationFigure;
  period: ResolvedPeriod | undefined;
  basePeriod: ResolvedPeriod | undefined;
  /** Values as written (domain/figure.ts writtenDecimal); null where the figure states none. */
  decimal: string | null;
  lowDecimal: string | null;
  highDecimal: string | null;
  anchor: TextAnchor | undefined;
}

/** A derived figure's input in another source: "source-id/figure-id", the stored key of that figure. */
export const isCrossSourceInput = (input: string): boolean => input.includes('/');

/** "range.high" → ['range', 'high'], "derived.inputs[1]" → ['derived', 'inputs', 1]. */
function fieldPath(field: string): IssuePath {
  return field
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Who produced and who relayed a figure or claim: organizations, people, presenters, or cited sources. */
export function checkProvenance(
  compilation: Compilation,
  entry: Pick<AnnotationFigure | AnnotationClaim, 'producedBy' | 'relayedBy'>,
  path: IssuePath,
): void {
  compilation.expect([...path, 'producedBy'], entry.producedBy, 'organization', 'source');
  compilation.expectAll(
    [...path, 'relayedBy'],
    entry.relayedBy,
    'person',
    'organization',
    'virtual presenter',
    'source',
  );
}

function decimalAt(compilation: Compilation, path: IssuePath, value: number | string | undefined): string | null {
  if (value === undefined) return null;
  const written = writtenDecimal(value);
  if (written === undefined) compilation.report(path, `"${value}" ${DECIMAL_MESSAGE}`);
  return written ?? null;
}

/** A quote for a figure of a text; a locator (and no quote) for one of a source recorded by its facts. */
function checkEvidence(compilation: Compilation, figure: AnnotationFigure, path: IssuePath): TextAnchor | undefined {
  const violations = figureEvidenceViolations({
    referenceOnly: compilation.referenceOnly,
    sourceKind: compilation.annotation.source.kind,
    quoted: figure.quote !== undefined,
    located: figure.locator !== undefined,
  });
  for (const violation of violations) compilation.report([...path, violation.field], violation.message);
  if (violations.length > 0 || figure.quote === undefined || compilation.referenceOnly) return undefined;
  return compilation.anchor(path, figure.quote, figure.occurrence);
}

/** Figures: references, values as written, period and base period, the domain rules, and their evidence. */
export function checkFigures(compilation: Compilation): CheckedFigure[] {
  const figures = compilation.annotation.figures;
  const written = figures.map((figure, index) => ({
    decimal: decimalAt(compilation, ['figures', index, 'value'], figure.value),
    lowDecimal: decimalAt(compilation, ['figures', index, 'range', 'low'], figure.range?.low),
    highDecimal: decimalAt(compilation, ['figures', index, 'range', 'high'], figure.range?.high),
  }));
  const byId = new Map(figures.map((figure, index) => [figure.id, { figure, ...written[index]! }]));
  return figures.map((figure, index) => {
    const path = ['figures', index];
    compilation.expect([...path, 'metric'], figure.metric, 'metric');
    compilation.expect([...path, 'place'], figure.place, 'place');
    compilation.expect([...path, 'change', 'of'], figure.change?.of, 'figure');
    checkProvenance(compilation, figure, path);
    if (figure.periodWords !== undefined && !compilation.text.includes(figure.periodWords)) {
      compilation.report([...path, 'periodWords'], `"${figure.periodWords}" does not occur in the source text`);
    }
    const period = compilation.period([...path, 'period'], figure.period);
    const basePeriod =
      figure.change?.basePeriod === undefined || period === undefined
        ? undefined
        : compilation.period([...path, 'change', 'basePeriod'], figure.change.basePeriod, period);
    const values = written[index]!;
    // A value that could not be read is reported already; the rules would only add noise.
    const unreadable =
      (figure.value !== undefined && values.decimal === null) ||
      (figure.range?.low !== undefined && values.lowDecimal === null) ||
      (figure.range?.high !== undefined && values.highDecimal === null);
    for (const violation of unreadable ? [] : figureRules(compilation, figure, values, byId, path)) {
      compilation.report([...path, ...fieldPath(violation.field)], violation.message);
    }
    return { figure, period, basePeriod, ...values, anchor: checkEvidence(compilation, figure, path) };
  });
}

type WrittenValues = Pick<CheckedFigure, 'decimal' | 'lowDecimal' | 'highDecimal'>;

/** The domain rules of the figure; a derived figure's inputs in other sources are checked on writing. */
function figureRules(
  compilation: Compilation,
  figure: AnnotationFigure,
  values: WrittenValues,
  byId: Map<string, WrittenValues & { figure: AnnotationFigure }>,
  path: IssuePath,
): Violation[] {
  const metric = compilation.entities.metrics.find((entry) => entry.id === figure.metric);
  if (metric === undefined) return [];
  const inputs = figure.derived?.inputs ?? [];
  inputs.forEach((input, inputIndex) => {
    if (isCrossSourceInput(input)) {
      compilation.expect([...path, 'derived', 'inputs', inputIndex], input.split('/')[0], 'source');
    } else compilation.expect([...path, 'derived', 'inputs', inputIndex], input, 'figure');
  });
  const level = figure.change?.of === undefined ? undefined : byId.get(figure.change.of);
  const draft: FigureDraft = {
    kind: figure.kind,
    ...values,
    rank: figure.rank ?? null,
    unit: figure.unit,
    metricKey: figure.metric,
    metricUnit: metric.unit,
    change: figure.change
      ? {
          type: figure.change.type,
          basePeriod: figure.change.basePeriod ?? null,
          levelMetricKey: level?.figure.metric ?? null,
        }
      : null,
    derived: figure.derived
      ? { operation: figure.derived.operation, inputDecimals: inputs.map((input) => byId.get(input)?.decimal ?? null) }
      : null,
  };
  if (inputs.some(isCrossSourceInput) && draft.derived) {
    // Values of other sources are in the graph, not in this file: all but the arithmetic now.
    return figureViolations({ ...draft, derived: { ...draft.derived, inputDecimals: inputs.map(() => '1') } }).filter(
      (violation) => violation.field !== 'value' || !violation.message.startsWith('stated'),
    );
  }
  return figureViolations(draft);
}
