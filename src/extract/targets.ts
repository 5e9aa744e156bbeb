/**
 * Targets and forecasts. A number with a deadline after an aim ("aimed for NEVs to comprise
 * over 50 percent of new car sales by 2035") is a target, whose qualifier becomes the
 * comparator. A future value without an aim ("is expected to reach ... in 2030", "expects
 * growth to slow to around 10 percent" this year, "would lower the rate to 3.75 percent by the
 * end of next year") is a figure of kind forecast for that future period: nobody set it, someone
 * predicts it, and the graph keeps it apart from what was measured.
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

/**
 * "is expected to", "forecast", "projected", "will", "would": a stated future value, that is a
 * forecast figure (kind forecast) unless an aim word makes it a target someone set.
 */
export const FORECAST =
  /\b(?:will|is expected to|are expected to|expects?|expected|forecasts?|forecast|projects?|projected|predicts?|is set to|are set to|would)\b/i;

export interface FutureValue {
  target?: TargetDraft;
  /** A forecast: the figure's period is the future one the text gives (its deadline or period). */
  forecast?: Period;
}

/** The target or forecast a number states, or nothing when it states a measurement. */
export function futureOf(input: TargetInput): FutureValue {
  const { context, number, period } = input;
  const { text, clause, published } = context;
  const words = text.slice(clause.start, clause.end);
  const deadlineMention = input.mentions.find((m) => m.deadline && m.start >= number.end && m.end <= clause.end + 1);
  const futureValue = FUTURE.test(words) && Boolean(period?.end && published && period.end > published);
  if (!deadlineMention && !futureValue) return {};
  const aimed = AIM.test(text.slice(clause.start, number.start));
  if (deadlineMention && !aimed && !FUTURE.test(words)) return {};
  if (!aimed && FORECAST.test(words)) {
    const forecast = deadlineMention?.period ?? period;
    return forecast?.expression ? { forecast } : {};
  }
  const target = targetOf(input, deadlineMention?.period?.expression ?? period?.expression);
  return target ? { target } : {};
}

function targetOf(input: TargetInput, deadline: string | undefined): TargetDraft | undefined {
  const { context, number, qualifier, metric } = input;
  const { clause, book } = context;
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
    review: ['target: check who set it and the comparator'],
  };
}
