/**
 * Checks on the raw text before any extraction: size, encoding, content. Each failure is a
 * DraftInputError naming the input, so the CLI and the API can report it without a stack.
 */

/** The same limit as ingestion's for a source text: a draft that could not be ingested is useless. */
export const MAX_DRAFT_TEXT_BYTES = 10 * 1024 * 1024;
/** Extraction is linear but not free; the API refuses more than this many characters. */
export const MAX_DRAFT_TEXT_CHARS = 200_000;

export class DraftInputError extends Error {
  override name = 'DraftInputError';

  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
  }
}

/** Decodes strict UTF-8 and names the first line that is not valid UTF-8. */
export function decodeText(input: string, bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_DRAFT_TEXT_BYTES) {
    throw new DraftInputError(
      input,
      `the text has ${bytes.byteLength} bytes; at most ${MAX_DRAFT_TEXT_BYTES} are accepted`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index <= bytes.length; index += 1) {
      if (index === bytes.length || bytes[index] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(lineStart, index));
        } catch {
          throw new DraftInputError(input, `line ${line} is not valid UTF-8`);
        }
        line += 1;
        lineStart = index + 1;
      }
    }
    throw new DraftInputError(input, 'the text is not valid UTF-8');
  }
}

/** Refuses a text the extractor cannot or should not work on. */
export function checkText(input: string, text: string): void {
  if (text.length > MAX_DRAFT_TEXT_CHARS) {
    throw new DraftInputError(
      input,
      `the text has ${text.length} characters; at most ${MAX_DRAFT_TEXT_CHARS} are accepted`,
    );
  }
  if (text.trim() === '') throw new DraftInputError(input, 'the text is empty');
}

/**
 * Converts UTF-16 indexes (what JavaScript strings use) to Unicode code point offsets (what the
 * annotation format and the graph use: an emoji is one position).
 */
export function codePointIndexer(text: string): (utf16Index: number) => number {
  const table = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let index = 0; index < text.length; index += 1) {
    table[index] = codePoints;
    const code = text.charCodeAt(index);
    // A high surrogate and its low surrogate are one code point: count it at the low one.
    if (!(code >= 0xd800 && code <= 0xdbff)) codePoints += 1;
  }
  table[text.length] = codePoints;
  return (utf16Index) => table[utf16Index] ?? codePoints;
}
