/**
 * Direct quotes: the words inside quotation marks and the speech frame that attributes them
 * ("Software defines cars," he declared / She said: "..." / "...," said Li Na, chief economist
 * at Hua Bank). A quote split around its frame ("Prices will fall," she said, "but not soon.")
 * is one quote. A short quoted phrase with no frame is a scare quote ("new three pillars"): it
 * belongs to the sentence around it, not to a speaker.
 */
import { SPEAKER_PATTERN, SPEECH_VERB_PATTERN } from './cues';
import type { Span } from './types';

export interface SpeakerMention extends Span {
  text: string;
}

export interface QuoteUnit extends Span {
  /** The words as one statement (the segments joined, for a split quote). */
  text: string;
  /** From the first opening mark to the last closing mark, with any frame in between. */
  outer: Span;
  frame?: { speaker: SpeakerMention; cue: string; span: Span };
}

const OPENING = new Set(['"', '“', '«', '„']);
const CLOSING: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };

/** Pairs of quotation marks in a paragraph; single quotes stay inside as nested quotes. */
function quotedSegments(text: string, paragraph: Span): { outer: Span; inner: Span }[] {
  const segments: { outer: Span; inner: Span }[] = [];
  let index = paragraph.start;
  while (index < paragraph.end) {
    const mark = text[index] ?? '';
    if (!OPENING.has(mark)) {
      index += 1;
      continue;
    }
    const close = text.indexOf(CLOSING[mark] ?? '"', index + 1);
    if (close === -1 || close >= paragraph.end) break; // an unclosed quote: nothing reliable to take
    segments.push({ outer: { start: index, end: close + 1 }, inner: { start: index + 1, end: close } });
    index = close + 1;
  }
  return segments;
}

/** The statement inside the marks: without the comma or full stop that English puts inside them. */
function content(text: string, inner: Span): Span {
  let { start, end } = inner;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /[\s,.;:]/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

const OBJECT =
  "(?:\\s+(?:[A-Z][\\p{L}'’-]*(?:\\s+[A-Z][\\p{L}'’-]*)*|reporters|journalists|(?:the|an?)\\s+(?:[a-z-]+\\s+)?[a-z-]+|us|me))?";
const WHEN = '(?:\\s+(?:on|in|at|during)\\s+[^,."“”]{1,40}?)?';
const FRAME_AFTER = new RegExp(
  `^\\s*[,.!?]?\\s*(?:(?<verb1>${SPEECH_VERB_PATTERN})\\s+(?<speaker1>${SPEAKER_PATTERN})|(?:[\\p{Ll}-]+\\s+){0,2}(?<speaker2>${SPEAKER_PATTERN})\\s+(?:also\\s+)?(?<verb2>${SPEECH_VERB_PATTERN})${OBJECT})${WHEN}(?=\\s*[,.;:!?]|\\s*$|\\s+["“])`,
  'u',
);
const FRAME_BEFORE = new RegExp(
  `(?:(?<speaker1>${SPEAKER_PATTERN})\\s+(?:also\\s+)?(?<verb1>${SPEECH_VERB_PATTERN})${OBJECT}${WHEN}|(?<verb2>${SPEECH_VERB_PATTERN})\\s+(?<speaker2>${SPEAKER_PATTERN}))\\s*[,:]\\s*$`,
  'u',
);

type FrameMatch = { speaker: SpeakerMention; cue: string; span: Span };

function frameAfter(text: string, from: number, limit: number): FrameMatch | undefined {
  const window = text.slice(from, Math.min(limit, from + 200));
  const match = FRAME_AFTER.exec(window);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const speaker = (groups.speaker1 ?? groups.speaker2 ?? '').replace(/[.,]+$/, '');
  const speakerAt = window.indexOf(speaker, groups.verb1 ? window.indexOf(groups.verb1) : 0);
  const start = from + (match[0].length - match[0].trimStart().length);
  return {
    speaker: { text: speaker, start: from + speakerAt, end: from + speakerAt + speaker.length },
    cue: groups.verb1 ?? groups.verb2 ?? '',
    span: { start, end: from + match[0].length },
  };
}

function frameBefore(text: string, floor: number, to: number): FrameMatch | undefined {
  const from = Math.max(floor, to - 160);
  const window = text.slice(from, to);
  const match = FRAME_BEFORE.exec(window);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const speaker = groups.speaker1 ?? groups.speaker2 ?? '';
  const speakerAt = window.indexOf(speaker, match.index);
  return {
    speaker: { text: speaker, start: from + speakerAt, end: from + speakerAt + speaker.length },
    cue: groups.verb1 ?? groups.verb2 ?? '',
    span: { start: from + match.index, end: to },
  };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The quote units of a paragraph, in text order, scare quotes left out. */
export function quoteUnits(text: string, paragraph: Span): QuoteUnit[] {
  const segments = quotedSegments(text, paragraph);
  const units: QuoteUnit[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const first = segments[i]!;
    let last = first;
    let frame = frameAfter(text, first.outer.end, paragraph.end);
    const next = segments[i + 1];
    // A split quote: the frame is all there is between this segment and the next.
    if (frame && next && /^\s*,\s*$/.test(text.slice(frame.span.end, next.outer.start))) {
      last = next;
      i += 1;
    }
    frame ??= frameBefore(text, paragraph.start, first.outer.start);
    const head = content(text, first.inner);
    const tail = content(text, last.inner);
    const joined =
      last === first
        ? text.slice(head.start, head.end)
        : `${text.slice(head.start, first.inner.end).replace(/[\s,]+$/, '')} ${text.slice(tail.start, tail.end)}`;
    if (!frame && words(joined) < 4) continue;
    units.push({
      start: head.start,
      end: tail.end,
      text: joined,
      outer: { start: first.outer.start, end: last.outer.end },
      frame,
    });
  }
  return units;
}
