/**
 * Clauses and reported speech in the text outside direct quotes. A sentence often makes more
 * than one claim ("Consumer acceptance is surging, with the NEV market share ... exceeding 31
 * percent"), so it is split where English joins independent statements; each clause is then
 * attributed:
 *   - "X said/warned/believes (that) ..." at its start: a paraphrase by X, the whole clause
 *     being the claim (the frame says whose view it is);
 *   - ", according to X" or ", X said." at the end: a paraphrase by X of what comes before;
 *   - ", adding that ..." after a quote or report: the same speaker goes on; the claim is what
 *     follows "that";
 *   - any other participle clause (", cementing ...") keeps the attribution of the clause before;
 *   - anything else is the outlet's narration.
 */
import { NON_CLAUSE_PARTICIPLES, SPEAKER_PATTERN, SPEECH_PARTICIPLE_PATTERN, SPEECH_VERB_PATTERN } from './cues';
import type { SpeakerMention } from './quotes';
import type { Span, Token } from './types';

export interface Clause extends Span {
  attribution: 'narration' | 'paraphrase' | 'inherit';
  speaker?: SpeakerMention;
  /** The speaker is the one of the claim before, in the same sentence. */
  sameSpeaker?: boolean;
}

const INTRO = '(?:[^,"“”]{0,60},\\s+)?';
const APPOSITION = '(?:,\\s(?<appositive>[^,"“”]{3,160}),)?';
// A title before the name ("Energy minister Peter Otieno said") belongs to the clause, not the speaker.
const TITLE_BEFORE =
  "(?:(?:\\p{Lu}[\\p{L}'’]*\\s+)?(?:(?!(?:de|da|van|von|bin|al|di|du|le|la|del)\\s)[\\p{Ll}-]+\\s+){1,2}(?=\\p{Lu}))?";
const LEAD = new RegExp(
  `^(?<intro>${INTRO})${TITLE_BEFORE}(?<speaker>${SPEAKER_PATTERN})${APPOSITION}\\s+(?:also\\s+|has\\s+|had\\s+)?(?<verb>${SPEECH_VERB_PATTERN})\\b`,
  'u',
);
const ACCORDING_TAIL = new RegExp(
  `,?\\s+according\\s+to\\s+(?:(?:data|figures|statistics|a report|a survey|a statement)\\s+(?:released\\s+|published\\s+|issued\\s+)?(?:by|from)\\s+)?(?<speaker>${SPEAKER_PATTERN})[^"“”]*$`,
  'u',
);
const ACCORDING_LEAD = new RegExp(`^According\\s+to\\s+(?<speaker>${SPEAKER_PATTERN})${APPOSITION},\\s+`, 'u');
const SAID_TAIL = new RegExp(
  `,\\s+(?:(?<speaker1>${SPEAKER_PATTERN})(?:\\s*\\([A-Z]{2,8}\\))?${APPOSITION}\\s+(?:${SPEECH_VERB_PATTERN})|(?:said|says|added|noted|warned)\\s+(?<speaker2>${SPEAKER_PATTERN})(?:,\\s[^,"“”]{3,160})?)(?:\\s+(?:\\p{Lu}\\p{L}*|reporters|journalists))?(?:\\s+(?:on|in)\\s+[^,.]{1,30})?(?:,\\s+(?:as|because|while|after|since)\\s+[^"“”]*)?[.!]?$`,
  'u',
);
const SPEECH_PARTICIPLE = new RegExp(`^(?:${SPEECH_PARTICIPLE_PATTERN})\\s+(?:that\\s+)?`, 'i');
const SEPARATOR =
  /,\s+but\s+|;\s+|\s+[–—]\s+|,\s+while\s+|,\s+whereas\s+|,\s+(?=with\s)|,\s+(?=(?:\p{Ll}+ly\s+)?\p{Ll}+ing\s)/gu;

function speakerAt(text: string, base: number, match: RegExpExecArray, name: string): SpeakerMention | undefined {
  // The name pattern allows a full stop inside a name ("Jr."), not at its end.
  const words = match.groups?.[name]?.replace(/[.,]+$/, '');
  if (!words) return undefined;
  const at = text.indexOf(words, match.index);
  return { text: words, start: base + at, end: base + at + words.length };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  const leading = /^[\s,;:–—-]+|^(?:and|but|while|whereas|so|yet)\s+/i;
  for (let m = leading.exec(text.slice(start, end)); m && m[0].length > 0; m = leading.exec(text.slice(start, end)))
    start += m[0].length;
  while (end > start && /[\s,.;:!?–—-]/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

/** Splits at clause boundaries; an "-ing" modifier such as "including" is not a boundary. */
function splitClauses(text: string, span: Span): Span[] {
  const slice = text.slice(span.start, span.end);
  const parts: Span[] = [];
  let cursor = 0;
  for (const match of slice.matchAll(SEPARATOR)) {
    const index = match.index ?? 0;
    const next =
      slice
        .slice(index + match[0].length)
        .split(/\s+/)[0]
        ?.toLowerCase() ?? '';
    if (NON_CLAUSE_PARTICIPLES.includes(next)) continue;
    parts.push({ start: span.start + cursor, end: span.start + index });
    cursor = index + match[0].length;
  }
  parts.push({ start: span.start + cursor, end: span.end });
  return parts;
}

function hasVerb(tokens: Token[], span: Span): boolean {
  return tokens.some((t) => t.start >= span.start && t.end <= span.end && (t.pos === 'VERB' || t.pos === 'AUX'));
}

/** The clauses of one stretch of a sentence that lies outside any direct quote. */
export function clausesOf(text: string, region: Span, tokens: Token[], afterQuote: boolean): Clause[] {
  let content = trimSpan(text, region);
  let tailSpeaker: SpeakerMention | undefined;
  const slice = () => text.slice(content.start, content.end + 1);

  const according = ACCORDING_TAIL.exec(slice()) ?? SAID_TAIL.exec(slice());
  if (according) {
    tailSpeaker =
      speakerAt(slice(), content.start, according, 'speaker') ??
      speakerAt(slice(), content.start, according, 'speaker1') ??
      speakerAt(slice(), content.start, according, 'speaker2');
    content = trimSpan(text, { start: content.start, end: content.start + according.index });
  }
  const lead = ACCORDING_LEAD.exec(slice());
  if (lead) {
    tailSpeaker = speakerAt(slice(), content.start, lead, 'speaker');
    content = trimSpan(text, { start: content.start + lead[0].length, end: content.end });
  }

  const clauses: Clause[] = [];
  for (const part of splitClauses(text, content)) {
    let span = trimSpan(text, part);
    const words = text.slice(span.start, span.end);
    const participle = SPEECH_PARTICIPLE.exec(words);
    let clause: Clause;
    if (participle && (afterQuote || clauses.length > 0)) {
      span = { start: span.start + participle[0].length, end: span.end };
      clause = { ...span, attribution: 'paraphrase', sameSpeaker: true };
    } else {
      const reported = LEAD.exec(words);
      // "Their chief economist, Lars Moe, said": the name in the apposition is the speaker.
      const named =
        /^(?:the|its|their)\s/i.test(reported?.groups?.speaker ?? '') &&
        /^\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){1,2}$/u.test(reported?.groups?.appositive ?? '');
      const speaker = reported ? speakerAt(words, span.start, reported, named ? 'appositive' : 'speaker') : undefined;
      if (reported && speaker) {
        span = { start: span.start + (reported.groups?.intro?.length ?? 0), end: span.end };
        clause = { ...span, attribution: 'paraphrase', speaker };
      } else if (tailSpeaker) {
        clause = { ...span, attribution: 'paraphrase', speaker: tailSpeaker };
      } else if ((clauses.length > 0 || afterQuote) && /^(?:\p{Ll}+ly\s+)?\p{Ll}+ing\s/u.test(words)) {
        clause = { ...span, attribution: 'inherit', sameSpeaker: true };
      } else {
        clause = { ...span, attribution: 'narration' };
      }
    }
    const wordCount = text.slice(clause.start, clause.end).split(/\s+/).filter(Boolean).length;
    if (wordCount >= 3 && hasVerb(tokens, clause)) clauses.push(clause);
  }
  return clauses;
}
