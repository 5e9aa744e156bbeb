import { createHash } from 'node:crypto';

import { codePointLength, locateBody, type TextRange } from './anchor';
import type { Checked, Violation } from './checked';
import { isOneOf, sourceKinds, type SourceKind } from './vocabulary';

/** SHA-256 of the raw text (hex): a copy with this hash is the text the offsets index. */
export const contentHashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A source added through the API is named by its content: the same text cannot be added twice. */
export const sourceKeyOf = (contentHash: string): string => `source-${contentHash.slice(0, 16)}`;

/** Keys of what a source owns (claims, figures, projections) are scoped by the source's key. */
export const ownedKey = (sourceKey: string, localKey: string): string => `${sourceKey}/${localKey}`;

/** BCP 47 language tags in the shape sources use: "en", "zh-Hans", "pt-BR". */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;
export const LANGUAGE_TAG_MESSAGE = 'must be a BCP 47 language tag such as "en"';

/** What a source's text determines: its hash, its length in code points and where its body lies. */
export interface SourceText {
  text: string;
  contentHash: string;
  length: number;
  bodyStart: number;
  bodyEnd: number;
}

export function sourceText(text: string, body: TextRange): SourceText {
  return {
    text,
    contentHash: contentHashOf(text),
    length: codePointLength(text),
    bodyStart: body.start,
    bodyEnd: body.end,
  };
}

export interface SourceDraft {
  title: string;
  kind: string;
  url: string;
  publishedDate: string;
  language: string;
  text: string;
  /** The first and last words of the body, when page boilerplate precedes or follows it. */
  bodyStartsWith?: string;
  bodyEndsWith?: string;
}

export interface NewSource extends SourceText {
  key: string;
  title: string;
  kind: SourceKind;
  url: string;
  publishedDate: string;
  language: string;
}

/**
 * The rules a new source follows, whoever adds it: a known kind, a language tag, a non-empty text
 * whose body phrases occur in it, and a key derived from the content. Violations name the draft's fields.
 */
export function newSource(draft: SourceDraft): Checked<NewSource> {
  const violations: Violation[] = [];
  if (draft.text.trim() === '') violations.push({ field: 'text', message: 'must not be empty' });
  if (!isOneOf(sourceKinds, draft.kind)) {
    violations.push({ field: 'kind', message: `must be one of ${sourceKinds.join(', ')}` });
  }
  if (!LANGUAGE_TAG.test(draft.language)) violations.push({ field: 'language', message: LANGUAGE_TAG_MESSAGE });
  if (violations.length > 0) return { ok: false, violations };

  const body = locateBody(draft.text, { start: draft.bodyStartsWith, end: draft.bodyEndsWith });
  if (!body.ok) {
    const field = { start: 'bodyStartsWith', end: 'bodyEndsWith', body: 'bodyEndsWith' } as Record<string, string>;
    return { ok: false, violations: body.violations.map((v) => ({ ...v, field: field[v.field] ?? v.field })) };
  }
  const identity = sourceText(draft.text, body.value);
  return {
    ok: true,
    value: {
      key: sourceKeyOf(identity.contentHash),
      title: draft.title,
      kind: draft.kind as SourceKind,
      url: draft.url,
      publishedDate: draft.publishedDate,
      language: draft.language,
      ...identity,
    },
  };
}
