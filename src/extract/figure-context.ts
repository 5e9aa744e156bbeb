import type { EntityBook } from './entities';
import type { Period, Sentence, Span } from './types';

/** What the figure and target rules know of the clause they read: shared by figures.ts and targets.ts. */
export interface FigureContext {
  text: string;
  sentence: Sentence;
  clause: Span;
  published?: string;
  book: EntityBook;
  /** The last period of the text so far, for "that same year". */
  previousPeriod?: Period;
  /** The last period any earlier sentence named, for a forecast that names none ("She expects ..."). */
  lastMentioned?: Period;
  attribution: 'direct-quote' | 'paraphrase' | 'narration';
  setById: string;
}
