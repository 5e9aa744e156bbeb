/**
 * Targets and forecasts: a number with a deadline after an aim ("aimed for NEVs to comprise
 * over 50 percent of new car sales by 2035"), or a future value ("will reach ... in 2030",
 * "expects growth to slow to around 10 percent" this year). The format has one place for a
 * stated future value of a metric, `targets`; the qualifier becomes the comparator.
 */
import type { EntityBook } from './entities';
import type { NumberMention } from './numbers';
import type { PeriodMention } from './periods';
import type { Comparator, MetricDraft, Period, Qualifier, Span, TargetDraft } from './types';
import type { FigureContext } from './figure-context';

const AIM = /\b(?:aim(?:s|ed)?|target(?:s|ed)?|goal|plans?|pledged?|aspires?|seeks?|wants?)\b/i;
export const FUTURE =
  /\b(?:will|is expected to|are expected to|expects?|forecasts?|projects?|projected|predicts?|is set to|are set to|could|would)\b/i;

const COMPARATOR: Record<Qualifier, Comparator> = {
  exact: 'eq',
  about: 'eq',
  over: 'gt',
  exceeding: 'gt',
  under: 'lt',
  'at-least': 'gte',
  'at-most': 'lte',
};

/** "China initially aimed for ...": a place or organisation that starts the clause set the target. */
function subjectAt(book: EntityBook, start: number): string | undefined {
  const starts = (spans: Span[]) => spans.some((s) => s.start === start);
  return book.places.find((p) => starts(p.spans))?.id ?? book.organizations.find((o) => starts(o.spans))?.id;
}

export interface TargetInput {
  context: FigureContext;
  mentions: PeriodMention[];
  number: NumberMention;
  qualifier: Qualifier;
  period?: Period;
  metric: MetricDraft;
  placeId?: string;
  span: Span;
}

/** The target a number states, or undefined when it states a measurement. */
export function targetOf(input: TargetInput): TargetDraft | undefined {
  const { context, number, qualifier, period, metric } = input;
  const { text, clause, book, published } = context;
  const words = text.slice(clause.start, clause.end);
  const deadlineMention = input.mentions.find((m) => m.deadline && m.start >= number.end && m.end <= clause.end + 1);
  const futureValue = FUTURE.test(words) && Boolean(period?.end && published && period.end > published);
  if (!deadlineMention && !futureValue) return undefined;
  if (deadlineMention && !AIM.test(text.slice(clause.start, number.start)) && !FUTURE.test(words)) return undefined;
  const deadline = deadlineMention?.period?.expression ?? period?.expression;
  if (!deadline) return undefined;
  return {
    id: book.ids.allocate(`${metric.name} ${number.text} ${deadline}`, 9),
    name: `${metric.name} ${qualifier === 'exact' ? 'at' : qualifier} ${number.value} ${metric.unit} by ${deadline}`,
    metricId: metric.id,
    comparator: COMPARATOR[qualifier],
    threshold: number.value,
    unit: metric.unit,
    deadline,
    placeId: input.placeId,
    setById: subjectAt(book, clause.start) ?? context.setById,
    span: input.span,
    confidence: 0.6,
    review: ['target or forecast: check who set it and the comparator'],
  };
}
