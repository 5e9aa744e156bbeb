import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import { keyOfName } from '../../domain/names';
import { BadUserInputError } from '../../errors';
import type { Context } from '../context';
import { idOf } from '../common/global-id';
import { cleanText } from '../common/input-validation';
import { missingReference } from '../common/lookup';
import { AddMetricInput } from './metric.inputs';
import type { MetricData } from './metric.mapper';
import { Metric } from './metric.type';
import { MetricWriter } from './metric.writes';

@Resolver()
export class MetricMutationResolver {
  @Mutation(() => Metric, {
    description:
      'Adds a metric (editor role), so that independent figures of it can be compared in lineages. One transaction: ' +
      'an existing id or a missing place writes nothing.',
  })
  async addMetric(
    @Arg('input', () => AddMetricInput) input: AddMetricInput,
    @Ctx() context: Context,
  ): Promise<MetricData> {
    const viewer = requireRole(context.auth, 'editor');
    const name = cleanText(input.name, 'input.name', 200);
    const key = keyOfName(name);
    if (key === '') throw new BadUserInputError('"input.name" must contain a letter or a digit', 'input.name');
    const result = await new MetricWriter(context.executor).create(
      {
        key,
        name,
        description: cleanText(input.description, 'input.description', 1000),
        unit: cleanText(input.unit, 'input.unit', 100),
        placeKey: input.place == null ? null : idOf(input.place, ['Place'], 'input.place'),
      },
      viewer.name,
    );
    if ('exists' in result) {
      throw new BadUserInputError(
        `a metric with the id "${result.exists}" already exists; use it instead`,
        'input.name',
      );
    }
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }
}
