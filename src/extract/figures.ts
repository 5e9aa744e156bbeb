/**
 * Figures of one clause: each number with its unit, qualifier, period and metric, and its
 * role: a level, a change of a level ("by 77 percent to 1.2 million units": the change is tied
 * to the level it changes), or an earlier level it is compared with ("up from 3.2 million a
 * year earlier"). A number with a deadline after an aim ("aimed for ... over 50 percent ... by
 * 2035") or a future value ("will reach ... in 2030") is a target, not a figure.
 */
import { SPEECH_VERB_PATTERN } from './cues';
import type { EntityBook } from './entities';
import type { FigureContext } from './figure-context';
import { measuredBefore, normaliseUnit, ratioAfter, shareOf, unitNounAfter } from './metrics';
import { numberMentions, type NumberMention } from './numbers';
import { periodMentions, yearBefore, type PeriodMention } from './periods';
import { FUTURE, futureOf } from './targets';

import type { FigureDraft, Period, Qualifier, Sentence, Span, TargetDraft } from './types';

/** Hedges before a number, and what each means in the format's qualifier enum. */
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:more than|over|above|upwards of)\s+$/i, 'over'],
  [/\b(?:exceed(?:ing|ed|s)?|surpass(?:ing|ed|es)?|top(?:ping|ped|s)?)\s+$/i, 'exceeding'],
  [/\b(?:nearly|almost|less than|fewer than|under|below|just under)\s+$/i, 'under'],
  [/\b(?:at least|no less than|no fewer than)\s+$/i, 'at-least'],
  [/\b(?:up to|at most|no more than)\s+$/i, 'at-most'],
  [/\b(?:about|around|roughly|approximately|some|close to|an estimated|estimated)\s+$/i, 'about'],
];

const RISE =
  /\b(?:rose|rising|rise|rises|grew|growing|grows|grow|increased|increasing|increases|jumped|jumping|soared|soaring|surged|surging|skyrocketed|skyrocketing|climbed|climbing|gained|expanded|expanding|up|an? (?:increase|rise|jump|growth) of|growth of)\s+(?:by\s+)?(?:(?!to\b|from\b)\S+\s+)?$/i;
const FALL =
  /\b(?:fell|falling|fall|falls|dropped|dropping|drops|declined|declining|declines|decreased|decreasing|slid|slumped|shrank|contracted|plunged|down|an? (?:decrease|drop|decline|fall) of)\s+(?:by\s+)?(?:(?!to\b|from\b)\S+\s+)?$/i;
const CHANGE_AFTER = /^\s+(?:year[- ]on[- ]year\s+)?(?:increase|rise|jump|growth|gain|drop|decline|fall|decrease)\b/i;
const EARLIER = /\b(?:from|compared with|compared to|against|versus|vs\.?)\s+(?:\S+\s+)?$/i;

function qualifierBefore(before: string): Qualifier {
  for (const [pattern, qualifier] of QUALIFIERS) if (pattern.test(before)) return qualifier;
  return 'exact';
}

/** The qualifier words and number as the figure's quote ("exceeding 31 percent", "about 2.4 NEVs ..."). */
function quoteStart(
  text: string,
  number: NumberMention,
  qualifier: Qualifier,
  changeWords: RegExpExecArray | null,
  floor: number,
): number {
  if (changeWords) return number.start - changeWords[0].length;
  // "tens of thousands" carries its own hedge; and a quote never reaches before its clause.
  if (qualifier === 'exact' || number.vague) return number.start;
  const before = text.slice(Math.max(floor, number.start - 30), number.start);
  const match = /(\S+(?:\s+(?:than|to|of|least|most|under))?)\s+$/.exec(before);
  return match ? number.start - match[0].length : number.start;
}

const PAST_TENSE =
  /\b(?:\p{L}+ed|rose|fell|grew|took|made|was|were|had|reached|stood|hit|saw|came|went|spent|sold|built)\b/u;

/**
 * No period in the sentence. A forecast continues the current or future period named last
 * ("... this year. She expects growth to slow to 10 percent"); a past-tense statement continues
 * the period of the figure before, unless it follows a speech verb ("She said visitors made
 * up ..."), where English backshifts the present; anything else holds at the publication date.
 * The reviewer is told.
 */
function fallbackPeriod(context: FigureContext, clause: Span): Period | undefined {
  const words = context.text.slice(clause.start, clause.end);
  const { published, lastMentioned, previousPeriod } = context;
  if (FUTURE.test(words) && lastMentioned?.end && published && lastMentioned.end >= published)
    return { ...lastMentioned, note: 'a forecast without a period: the one named before was taken' };
  if (published && TRADING_DAY.test(words)) return atPublication(published, 'the trading day is the publication date');
  if (published && QUARTERLY.test(words)) {
    // "Quarterly revenue": the quarter that ended last before publication, recorded as its year.
    const [year, month] = published.split('-').map(Number) as [number, number];
    const lastYear = month <= 3 ? year - 1 : year;
    return {
      expression: String(lastYear),
      label: String(lastYear),
      start: `${lastYear}-01-01`,
      end: `${lastYear}-12-31`,
      relative: true,
      note: `"quarterly" without a quarter: the year of the last quarter ended, ${lastYear}, was taken`,
    };
  }
  const reportedAfterVerb = new RegExp(`^(?:\\S+\\s+){0,5}(?:${SPEECH_VERB_PATTERN})\\s`, 'u').test(words);
  // A measurement in the past tense cannot be in a period that has not begun.
  const past = previousPeriod && !(published && previousPeriod.start && previousPeriod.start > published);
  if (!reportedAfterVerb && PAST_TENSE.test(words) && past)
    return { ...previousPeriod, note: 'no period in the sentence: the one mentioned before was taken' };
  if (!published) return undefined;
  return atPublication(published, 'no period in the sentence: the publication date was taken');
}

/** "Shares rose 6 percent in early trading": a market move of the day the article appeared. */
const TRADING_DAY = /\bin (?:early |late |morning |afternoon )?trading\b/i;
const QUARTERLY = /\bquarterly\b/i;

function atPublication(published: string, note: string): Period {
  return { expression: published, label: published, start: published, end: published, relative: false, note };
}

function periodFor(
  mentions: PeriodMention[],
  number: NumberMention,
  clause: Span,
  context: FigureContext,
  basePeriod: Period | undefined,
  isChange: boolean,
  isEarlier: boolean,
): { period?: Period; mention?: PeriodMention } {
  // A change "from a year earlier" holds for the current period: the earlier one is its base.
  // "a year earlier" dates only the earlier level it follows; a change "from a year earlier"
  // and the level it changes hold for the current period.
  const usable = mentions.filter((m) => !m.deadline && (m.reference !== 'earlier' || isEarlier));
  const inClause = usable.filter((m) => m.start >= clause.start && m.end <= clause.end + 1);
  const after = inClause.find((m) => m.start >= number.end);
  const chosen = after ?? [...inClause].reverse().find((m) => m.end <= number.start) ?? usable[0];
  if (!chosen) return { period: fallbackPeriod(context, clause) };
  if (chosen.reference === 'same')
    return {
      period: context.previousPeriod
        ? { ...context.previousPeriod, words: chosen.words }
        : {
            words: chosen.words,
            relative: true,
            note: `"${chosen.words}" refers to a period the extractor did not find`,
          },
      mention: chosen,
    };
  if (chosen.reference === 'earlier')
    return { period: yearBefore(basePeriod ?? context.previousPeriod, chosen.words), mention: chosen };
  return { period: chosen.period, mention: chosen };
}

function unitAndMetric(
  context: FigureContext,
  number: NumberMention,
  places: Set<string>,
): { unit: string; name?: string; placeName?: string; extra: number } {
  const { text, sentence, clause } = context;
  const after = text.slice(number.end, clause.end + 1);
  const measured = measuredBefore(sentence.tokens, number.start, clause.start, places);
  const ratio = number.unit ? undefined : ratioAfter(after);
  if (ratio) return { unit: ratio.unit, name: ratio.unit, placeName: measured.placeName, extra: ratio.length };
  if (number.unit === 'percent') {
    const whole = shareOf(after);
    if (whole) {
      const subject = measured.name?.replace(/(?<=\p{Lu}{2,})s$/u, '');
      return {
        unit: 'percent',
        name: `${subject ? `${subject} ` : ''}share of ${whole}`,
        placeName: measured.placeName,
        extra: 0,
      };
    }
  }
  if (number.unit) return { unit: number.unit, ...measured, extra: 0 };
  // "a 1.5-gigawatt solar farm": the unit is joined to the number.
  const joined = /^-(\p{L}+)/u.exec(after);
  if (joined?.[1]) return { unit: `${joined[1]}s`, ...measured, extra: joined[0].length };
  const noun = unitNounAfter(sentence.tokens, number.end);
  if (noun)
    return {
      unit: normaliseUnit(noun, measured.name ?? noun),
      name: measured.name ?? noun,
      placeName: measured.placeName,
      extra: text.slice(number.end).indexOf(noun) + noun.length,
    };
  // "Tourist nights ... rose to 1.3 million": a bare count counts what the phrase names.
  const counted = /(\p{Ll}+s)$/u.exec((measured.name ?? '').split(/\s+(?:in|of|at|for)\s+/)[0] ?? '')?.[1];
  if (counted) return { unit: counted, ...measured, extra: 0 };
  return { unit: 'count', ...measured, extra: 0 };
}

interface Reading {
  before: string;
  fall: boolean;
  changeWords: RegExpExecArray | null;
  isChange: boolean;
  isEarlier: boolean;
  qualifier: Qualifier;
}

type Shape = ReturnType<typeof unitAndMetric>;

/** The numbers of one clause read in order: a change ties to the level before or after it. */
class ClauseFigures {
  readonly figures: FigureDraft[] = [];
  readonly targets: TargetDraft[] = [];
  private level?: FigureDraft;
  private change?: FigureDraft;
  private changeBase?: string;
  private readonly places: Set<string>;

  constructor(
    private readonly context: FigureContext,
    private readonly mentions: PeriodMention[],
  ) {
    this.places = new Set(context.book.places.map((p) => p.name));
  }

  private read(number: NumberMention): Reading {
    const { text, clause } = this.context;
    const before = text.slice(Math.max(clause.start, number.start - 40), number.start);
    const rise = RISE.exec(before);
    const fall = rise ? null : FALL.exec(before);
    const changeWords = rise ?? fall;
    const isChange = Boolean(changeWords) || CHANGE_AFTER.test(text.slice(number.end, number.end + 30));
    const isEarlier = !isChange && EARLIER.test(before) && Boolean(this.level ?? this.change);
    const qualifier = number.vague ? 'at-least' : qualifierBefore(before);
    return { before, fall: Boolean(fall), changeWords, isChange, isEarlier, qualifier };
  }

  private shape(number: NumberMention, reading: Reading): Shape {
    const shape = unitAndMetric(this.context, number, this.places);
    // "rose 35.5 percent year on year to 9.92 million": the level after "to" is of what changed.
    if (!reading.isChange && this.changeBase && /\bto\s+(?:\S+\s+)?$/.test(reading.before))
      shape.name = this.changeBase;
    // "..., up 23 percent from a year earlier": a change after a comma changes the level before it.
    if (reading.isChange && !shape.name && this.level) {
      shape.name = this.context.book.metrics.find((m) => m.id === this.level?.metricId)?.name;
    }
    if (reading.isChange && shape.name) this.changeBase = shape.name;
    const counted = /(\p{Ll}+s)$/u.exec((shape.name ?? '').split(/\s+(?:in|of|at|for)\s+/)[0] ?? '')?.[1];
    if (shape.unit === 'count' && counted) shape.unit = counted;
    shape.unit = normaliseUnit(shape.unit, shape.name);
    return shape;
  }

  private placeOf(shape: Shape): string | undefined {
    const { book, sentence } = this.context;
    const placeName =
      shape.placeName ??
      book.places.find((p) => p.spans.some((s) => s.start >= sentence.start && s.end <= sentence.end))?.name;
    if (!placeName) return undefined;
    return (book.places.find((p) => p.name === placeName) ?? newPlace(book, placeName, sentence)).id;
  }

  private metricOf(shape: Shape, reading: Reading, base: FigureDraft | undefined, placeId: string | undefined) {
    const { book } = this.context;
    if (reading.isEarlier && base) return book.metrics.find((m) => m.id === base.metricId)!;
    let name = shape.name ?? 'value';
    if (reading.isChange) name = `${name} ${shape.unit === 'percentage points' ? 'change' : 'growth'}`;
    const caption = capitalise(name);
    return book.addMetric(caption, shape.unit, placeId, `${caption}, as the text states it (drafted; describe it)`);
  }

  add(number: NumberMention): void {
    const { context } = this;
    const reading = this.read(number);
    const shape = this.shape(number, reading);
    const base = reading.isEarlier ? (this.level ?? this.change) : undefined;
    const { period } = periodFor(
      this.mentions,
      number,
      context.clause,
      context,
      base?.period,
      reading.isChange,
      reading.isEarlier,
    );
    const span = {
      start: quoteStart(context.text, number, reading.qualifier, reading.changeWords, context.clause.start),
      end: number.end + shape.extra,
    };
    const placeId = this.placeOf(shape);
    const metric = this.metricOf(shape, reading, base, placeId);
    const future = futureOf({
      context,
      mentions: this.mentions,
      number,
      qualifier: reading.qualifier,
      period,
      metric,
      placeId,
      span,
    });
    if (future.target) {
      this.targets.push(future.target);
      return;
    }
    const review: string[] = [];
    if (number.vague) review.push(`"${number.text}" is an order of magnitude; the value is its lower bound`);
    if (metric.unit === 'count') review.push('no unit in the text: "count" is a placeholder');
    const figurePeriod = future.forecast ?? period;
    if (figurePeriod?.note) review.push(figurePeriod.note);
    if (future.forecast) review.push('forecast: check who predicts it and for when');
    const figure: FigureDraft = {
      id: context.book.ids.allocate(
        `${metric.name} ${future.forecast ? 'forecast ' : ''}${figurePeriod?.label ?? figurePeriod?.expression ?? ''}`,
        9,
      ),
      kind: future.forecast ? 'forecast' : 'observation',
      metricId: metric.id,
      value: reading.fall ? -number.value : number.value,
      unit: metric.unit,
      qualifier: reading.qualifier,
      period: figurePeriod,
      placeId,
      span,
      role: reading.isChange ? 'change' : reading.isEarlier ? 'earlier-level' : 'level',
      confidence: review.length === 0 ? 0.8 : 0.55,
      review,
    };
    this.record(figure);
  }

  /** Ties a change to its level, whichever comes first ("up 77 percent to 1.2 million units"). */
  private record(figure: FigureDraft): void {
    if (figure.role === 'level' && this.change && !this.change.changeOf) this.change.changeOf = figure.id;
    if (figure.role === 'change' && this.level) figure.changeOf = this.level.id;
    if (figure.role === 'change') this.change = figure;
    if (figure.role === 'level') this.level = figure;
    this.figures.push(figure);
  }
}

/** The figures and targets of one clause, in text order. */
export function figuresOf(context: FigureContext): { figures: FigureDraft[]; targets: TargetDraft[] } {
  const { text, sentence, clause } = context;
  const mentions = periodMentions(sentence.text, sentence.start, context.published);
  // "the fourth quarter", "2023": numbers inside a period expression are not figures.
  const numbers = numberMentions(text.slice(clause.start, clause.end), clause.start).filter(
    (n) => !mentions.some((m) => n.start < m.end && n.end > m.start),
  );
  const reader = new ClauseFigures(context, mentions);
  for (const number of numbers) reader.add(number);
  return { figures: reader.figures, targets: reader.targets };
}

/** A place found only inside a measured phrase: a city is the likelier reading, but say so. */
function newPlace(book: EntityBook, name: string, sentence: Sentence) {
  const at = sentence.text.indexOf(name);
  const place = book.addPlace(name, 'city', { start: sentence.start + at, end: sentence.start + at + name.length });
  if (!place.existing && !place.review.some((r) => r.startsWith('found in')))
    place.review.push(`found in "in ${name}"; city is a guess`);
  return place;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
