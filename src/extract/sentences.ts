/**
 * Sentences and tokens with offsets, from wink-nlp. wink gives token values and the spaces
 * before each; offsets into the full text are found by walking the text, so they are exact
 * even when wink's output differs from the input (it never normalises values, but a
 * mismatch would otherwise shift every later offset).
 */
import { winkNlp } from './nlp';
import type { ItemSentence } from 'wink-nlp';

import type { Sentence, Span, Token } from './types';

function locateTokens(text: string, base: number, values: string[], tags: string[]): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, index) => {
    const found = text.indexOf(value, cursor);
    if (found === -1) return; // a token wink invented (none known); skipping keeps the rest aligned
    tokens.push({ text: value, pos: tags[index] ?? 'X', start: base + found, end: base + found + value.length });
    cursor = found + value.length;
  });
  return tokens;
}

/** Splits one paragraph (a span of `text`) into sentences with their tokens. */
export function paragraphSentences(text: string, paragraph: Span): Sentence[] {
  const nlp = winkNlp();
  const its = nlp.its;
  const paragraphText = text.slice(paragraph.start, paragraph.end);
  const doc = nlp.readDoc(paragraphText);
  const tokens = locateTokens(
    paragraphText,
    paragraph.start,
    doc.tokens().out(its.value) as string[],
    doc.tokens().out(its.pos) as string[],
  );
  const sentences: Sentence[] = [];
  let tokenIndex = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const count = sentence.tokens().length();
    const own = tokens.slice(tokenIndex, tokenIndex + count);
    tokenIndex += count;
    const first = own[0];
    const last = own[own.length - 1];
    if (!first || !last) return;
    sentences.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), tokens: own });
  });
  return mergeQuoteContinuations(text, sentences);
}

/**
 * wink sometimes ends a sentence inside a quotation ("We are ready." she said.) when the quote
 * itself ends with a full stop. A sentence that starts with a lower-case speech frame belongs
 * to the one before it.
 */
function mergeQuoteContinuations(text: string, sentences: Sentence[]): Sentence[] {
  const merged: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    if (previous && /^["”’]?\s*[a-z]/.test(sentence.text) && /["”]$/.test(previous.text.trim())) {
      previous.end = sentence.end;
      previous.text = text.slice(previous.start, previous.end);
      previous.tokens = [...previous.tokens, ...sentence.tokens];
    } else {
      merged.push(sentence);
    }
  }
  return merged;
}
