/**
 * Causes and effects of a causal claim, as topics: the format refuses a causal claim without
 * at least one of each. The cause is what comes before the causal connective (after a
 * reporting frame's "that"), the effects what comes after it, split at "and". A clause that
 * starts with the connective ("ultimately translating to lower prices") takes as cause the
 * effect of the causal claim before it, which is what it continues.
 */
import { CAUSAL_CUE } from './kinds';
import type { EntityBook } from './entities';
import type { TopicDraft } from './types';

export interface CauseEffect {
  causes: TopicDraft[];
  effects: TopicDraft[];
}

function phrase(words: string): string {
  const cleaned = words
    .replace(/^.*?\b(?:believes|said|says|warns|argues|thinks|expects)\s+/i, '')
    .replace(/^that\s+/i, '')
    .replace(/^(?:\p{Ll}+ly\s+)?/u, '')
    .replace(/^(?:the|a|an|for)\s+/i, '')
    .replace(/[\s,.;:]+$/, '')
    .trim();
  return cleaned.split(/\s+/).slice(0, 6).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function causesAndEffects(
  text: string,
  previous: TopicDraft | undefined,
  topics: TopicDraft[],
  book: Pick<EntityBook, 'ids' | 'knownTopic'>,
): CauseEffect | undefined {
  const cue = CAUSAL_CUE.exec(text);
  if (!cue) return undefined;
  const topic = (words: string): TopicDraft | undefined => {
    const name = capitalise(phrase(words));
    if (name.split(/\s+/).length < 1 || name === '') return undefined;
    const existing = topics.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    // A topic the graph already has is referred to by its id, proposed once like any entity.
    const linked = book.knownTopic(name);
    const already = linked && topics.find((t) => t.id === linked.id);
    if (already) return already;
    const created = linked ?? { id: book.ids.allocate(name, 6), name };
    topics.push(created);
    return created;
  };
  const before = text.slice(0, cue.index);
  const cause = phrase(before) === '' ? previous : topic(before);
  const effects = text
    .slice(cue.index + cue[0].length)
    .split(/\s+and\s+/)
    .filter((part) => phrase(part).split(/\s+/).length >= 1 && phrase(part) !== '')
    .map(topic)
    .filter((t): t is TopicDraft => t !== undefined);
  if (!cause || effects.length === 0) return undefined;
  return { causes: [cause], effects };
}
