/**
 * The body range: where the article is, as opposed to the page around it. Scraped texts keep
 * cookie banners, titles, video lengths, related-video captions, bylines and "Search Trends"
 * footers; the body runs from the first prose paragraph to the last, and boilerplate lines
 * inside it (a caption between two paragraphs) are skipped too. No claim is drafted from a
 * paragraph this module does not call prose.
 */
import type { Span } from './types';

export interface Paragraph extends Span {
  text: string;
  /** Why the paragraph is not article prose; undefined for prose. */
  boilerplate?: string;
}

/** Each rule names a kind of page furniture seen in scraped news pages. */
const BOILERPLATE_RULES: { reason: string; test: (line: string) => boolean }[] = [
  // Consent banners: "Our Privacy Statement & Cookie Policy", "By continuing to browse ...", "I agree".
  {
    reason: 'cookie or consent banner',
    test: (line) =>
      /\bcookies?\b|privacy (policy|statement)|terms of (use|service)|^(i agree|accept( all)?|reject all|got it)$/i.test(
        line,
      ),
  },
  // A video's running time on its own line: "05:42", "(1:02:10)".
  { reason: 'video length', test: (line) => /^\(?\d{1,2}:\d{2}(:\d{2})?\)?$/.test(line) },
  // Related-content captions and links: "Watch: ...", "Read more: ...", "Also read".
  {
    reason: 'related-content caption',
    test: (line) =>
      /^(watch|video|related|read more|read also|also read|see also|listen|photo|photos|graphic|explainer|live|opinion)\b\s*[:|–—-]/i.test(
        line,
      ),
  },
  // Footers and sharing widgets: "Search Trends", "Copyright © ...", "Share this article". Whole
  // words only, and "Share" only as a widget's caption: "Shares in Kestrel rose 6 percent" is news.
  {
    reason: 'page footer',
    test: (line) =>
      /^(?:(?:search trends|trending|most (?:read|popular|viewed)|copyright|all rights reserved|follow us|subscribe|sign up|advertisement)\b|share(?: this(?: article| story| page)?)?\s*(?::|$)|©|tags?:|editor:|source\(s\)?:)/i.test(
        line,
      ),
  },
  // Bylines and photo credits: "By Jane Doe", "Photo: Xinhua".
  { reason: 'byline or credit', test: (line) => /^(by|photo by|credit:|reporting by|edited by)\s+[A-Z]/.test(line) },
];

/** A prose paragraph has several words and ends like a sentence; headings and menus do not. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return words >= 6 && /[.!?]["”’)]?$/.test(line);
}

function classify(line: string, title?: string): string | undefined {
  for (const rule of BOILERPLATE_RULES) if (rule.test(line)) return rule.reason;
  if (title && line.trim() === title.trim()) return 'title';
  if (!isProse(line)) return 'heading or navigation';
  return undefined;
}

/** Non-empty lines with their offsets, each classified. */
export function paragraphs(text: string, title?: string): Paragraph[] {
  const found: Paragraph[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line === '') continue;
    const start = match.index + leading;
    found.push({ start, end: start + line.length, text: line, boilerplate: classify(line, title) });
  }
  return found;
}

export interface BodyRange extends Span {
  /** The first and last words of the body, unique in the text, as the format's body.start/end. */
  startWords: string;
  endWords: string;
  /** The prose paragraphs inside the range: the only ones claims are drafted from. */
  prose: Paragraph[];
  skipped: Paragraph[];
}

function occursOnce(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first !== -1 && text.indexOf(needle, first + 1) === -1;
}

/**
 * The shortest run of whole words from `start` forward that is unique in the text (at least four
 * words), or undefined: the format anchors body.start by its words, with no occurrence number.
 */
function uniqueWordsForward(text: string, start: number, limit: number): string | undefined {
  const pattern = /\S+/g;
  pattern.lastIndex = start;
  let words = 0;
  for (let match = pattern.exec(text); match && match.index < limit; match = pattern.exec(text)) {
    words += 1;
    const candidate = text.slice(start, Math.min(limit, match.index + match[0].length));
    if (words >= 4 && occursOnce(text, candidate)) return candidate;
  }
  const whole = text.slice(start, limit);
  return occursOnce(text, whole) ? whole : undefined;
}

/** The same backward from `end`: body.end, at least two words. */
function uniqueWordsBackward(text: string, end: number, floor: number): string | undefined {
  let start = end;
  for (let words = 1; start > floor; words += 1) {
    const space = text.slice(floor, start).trimEnd().search(/\S+$/);
    if (space === -1) break;
    start = floor + space;
    if (words >= 2 && occursOnce(text, text.slice(start, end))) return text.slice(start, end);
  }
  return undefined;
}

/**
 * Finds the body; undefined when the text has no prose paragraph at all, 'repeated' when the
 * body occurs twice so that no words mark its start or end uniquely.
 */
export function findBody(text: string, title?: string): BodyRange | 'repeated' | undefined {
  const all = paragraphs(text, title);
  const proseIndexes = all.flatMap((paragraph, index) => (paragraph.boilerplate ? [] : [index]));
  const firstIndex = proseIndexes[0];
  const lastIndex = proseIndexes[proseIndexes.length - 1];
  if (firstIndex === undefined || lastIndex === undefined) return undefined;
  const first = all[firstIndex] as Paragraph;
  const last = all[lastIndex] as Paragraph;
  const inside = all.slice(firstIndex, lastIndex + 1);
  const startWords = uniqueWordsForward(text, first.start, last.end);
  const endWords = uniqueWordsBackward(text, last.end, first.start);
  // The whole body occurs twice (a page that repeats itself): no unique first or last words.
  if (!startWords || !endWords) return 'repeated';
  return {
    start: first.start,
    end: last.end,
    startWords,
    endWords,
    prose: inside.filter((paragraph) => !paragraph.boilerplate),
    skipped: all.filter((paragraph) => paragraph.boilerplate),
  };
}
