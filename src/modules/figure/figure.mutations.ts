import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import { BadUserInputError } from '../../errors';
import type { Context } from '../context';
import { idOf } from '../common/global-id';
import { checked, checkUnicode, cleanText, idList } from '../common/input-validation';
import { missingReference } from '../common/lookup';
import type { FigureRequest } from './figure.checks';
import { AddFigureInput } from './figure.inputs';
import type { FigureData } from './figure.mapper';
import { Figure } from './figure.type';
import { FigureWriter } from './figure.writes';

const optionalText = (value: string | null | undefined, field: string, max: number): string | null =>
  value == null ? null : cleanText(value, field, max);

/** A decimal as written is checked by the domain rules; here only its length is bounded. */
const optionalDecimal = (value: string | null | undefined, field: string): string | null =>
  value == null ? null : cleanText(value, field, 40);

/** AddFigureInput with global ids decoded and text cleaned; the rules are checked by the writer. */
function requestOf(input: AddFigureInput, addedBy: string): FigureRequest {
  return {
    sourceKey: idOf(input.source, ['Source'], 'input.source'),
    metricKey: idOf(input.metric, ['Metric'], 'input.metric'),
    kind: input.kind ?? 'observation',
    value: optionalDecimal(input.value, 'input.value'),
    range: input.range
      ? {
          low: optionalDecimal(input.range.low, 'input.range.low'),
          high: optionalDecimal(input.range.high, 'input.range.high'),
        }
      : null,
    rank: input.rank ?? null,
    rankOf: optionalText(input.rankOf, 'input.rankOf', 300),
    unit: cleanText(input.unit, 'input.unit', 100),
    qualifier: input.qualifier ?? 'exact',
    period: cleanText(input.period, 'input.period', 100),
    // Matched in the text character for character, like a quote.
    periodWords: input.periodWords == null ? null : checkUnicode(input.periodWords, 'input.periodWords'),
    placeKey: input.place == null ? null : idOf(input.place, ['Place'], 'input.place'),
    change: input.change
      ? {
          type: input.change.type,
          basePeriod:
            input.change.basePeriod == null
              ? null
              : checkUnicode(input.change.basePeriod.trim(), 'input.change.basePeriod'),
          levelKey: input.change.of == null ? null : idOf(input.change.of, ['Figure'], 'input.change.of'),
        }
      : null,
    derived: input.derived
      ? {
          operation: input.derived.operation,
          inputKeys: idList(input.derived.inputs, 'input.derived.inputs', 20, (id, field) =>
            idOf(id, ['Figure'], field),
          ),
        }
      : null,
    quote:
      input.quote == null
        ? null
        : {
            // The quote is matched character for character: no trimming or normalization.
            exact: checkUnicode(input.quote, 'input.quote'),
            occurrence: input.occurrence ?? null,
            start: input.quoteStart ?? null,
            end: input.quoteEnd ?? null,
          },
    locator: optionalText(input.locator, 'input.locator', 300),
    addedBy,
  };
}

@Resolver()
export class FigureMutationResolver {
  @Mutation(() => Figure, {
    description:
      'Adds a figure of a metric to a source (editor role): quoted in its text (offsets in Unicode code points) or, ' +
      'in a dataset or report, located by a locator. Checked by the rules ingestion applies: kinds, changes with ' +
      'their base period, ranges, ranks, derived values recomputed from their inputs, periods resolved against the ' +
      'publication date. One transaction: a missing reference (NOT_FOUND) or a broken rule (BAD_USER_INPUT naming ' +
      'the field) writes nothing.',
  })
  async addFigure(
    @Arg('input', () => AddFigureInput) input: AddFigureInput,
    @Ctx() context: Context,
  ): Promise<FigureData> {
    const viewer = requireRole(context.auth, 'editor');
    const request = requestOf(input, viewer.name);
    if (request.derived && request.derived.inputKeys.length === 0) {
      throw new BadUserInputError('"input.derived.inputs" must list the input figures', 'input.derived.inputs');
    }
    const result = await new FigureWriter(context.executor).create(request);
    if (result.ok) return result.value;
    if ('violations' in result) return checked({ ok: false, violations: result.violations }, 'input');
    throw missingReference(result.missing);
  }
}
