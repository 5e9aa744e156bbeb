/**
 * Claims of the body, paragraph by paragraph: direct quotes (quotes.ts), then the clauses of
 * the text around them (clauses.ts), each with its speaker resolved (speakers.ts), its figures
 * and targets (figures.ts) and its kind (kinds.ts). Paragraphs the body module calls
 * boilerplate never reach this module.
 */
import { clausesOf, type Clause } from './clauses';
import type { EntityBook } from './entities';
import { figuresOf } from './figures';
import { claimKind } from './kinds';
import type { Paragraph } from './body';
import { quoteUnits, type QuoteUnit } from './quotes';
import { periodMentions } from './periods';
import { paragraphSentences } from './sentences';
import { resolveSpeaker, type ResolvedSpeaker } from './speakers';
import { causesAndEffects } from './topics';
import type { Attribution, ClaimDraft, FigureDraft, Period, Sentence, Span, TargetDraft, TopicDraft } from './types';

export interface ClaimContext {
  text: string;
  book: EntityBook;
  publisherId: string;
  published?: string;
}

export interface DraftedClaims {
  claims: ClaimDraft[];
  figures: FigureDraft[];
  targets: TargetDraft[];
  topics: TopicDraft[];
}

interface Speaking {
  id: string;
  attribution: Attribution;
}

type Piece = { unit: QuoteUnit } | { region: Span; afterQuote: boolean };

/** A sentence as quote units and the stretches of text between them. */
function pieces(sentence: Sentence, units: QuoteUnit[]): Piece[] {
  const inside = units.filter((u) => u.outer.start >= sentence.start && u.outer.start < sentence.end);
  const result: Piece[] = [];
  let cursor = sentence.start;
  let afterQuote = false;
  for (const unit of inside) {
    if (unit.outer.start > cursor) result.push({ region: { start: cursor, end: unit.outer.start }, afterQuote });
    result.push({ unit });
    const frameEnd = unit.frame && unit.frame.span.start >= unit.outer.end ? unit.frame.span.end : unit.outer.end;
    cursor = Math.max(cursor, frameEnd);
    afterQuote = true;
  }
  if (cursor < sentence.end) result.push({ region: { start: cursor, end: sentence.end }, afterQuote });
  return result;
}

export class ClaimDrafter {
  private readonly drafted: DraftedClaims = { claims: [], figures: [], targets: [], topics: [] };
  private lastQuoted?: string;
  private lastPeriod?: Period;
  private lastMentioned?: Period;

  constructor(private readonly context: ClaimContext) {}

  result(): DraftedClaims {
    return this.drafted;
  }

  private resolve(mention: { text: string; start: number; end: number }): ResolvedSpeaker | undefined {
    const resolved = resolveSpeaker(this.context.book, mention);
    if (resolved && resolved.kind !== 'organization') this.context.book.noteMention(resolved.id, 'person', mention);
    return resolved;
  }

  paragraph(paragraph: Paragraph): void {
    const { text } = this.context;
    const units = quoteUnits(text, paragraph);
    for (const sentence of paragraphSentences(text, paragraph)) {
      let previous: Speaking | undefined;
      for (const piece of pieces(sentence, units)) {
        if ('unit' in piece) previous = this.quote(piece.unit, sentence);
        else
          for (const clause of clausesOf(text, withoutDateline(text, piece.region), sentence.tokens, piece.afterQuote))
            previous = this.clause(clause, sentence, previous);
      }
      const named = periodMentions(sentence.text, sentence.start, this.context.published).filter(
        (m) => m.reference === 'date' && !m.deadline && m.period?.end,
      );
      this.lastMentioned = named[named.length - 1]?.period ?? this.lastMentioned;
    }
  }

  private quote(unit: QuoteUnit, sentence: Sentence): Speaking {
    const review: string[] = [];
    let resolved = unit.frame ? this.resolve(unit.frame.speaker) : undefined;
    if (!unit.frame && this.lastQuoted) {
      resolved = { id: this.lastQuoted, kind: 'person', confidence: 0.55 };
      review.push('a quote without a speech frame: given to the speaker quoted before');
    }
    if (!resolved) review.push(unit.frame ? `speaker "${unit.frame.speaker.text}" not resolved` : 'no speaker found');
    if (resolved?.review) review.push(resolved.review);
    const speakerId = resolved?.id ?? this.context.publisherId;
    if (resolved) this.lastQuoted = resolved.id;
    this.add(unit, unit.text, 'direct-quote', speakerId, sentence, Math.min(0.9, resolved?.confidence ?? 0.3), review);
    return { id: speakerId, attribution: 'direct-quote' };
  }

  private clause(clause: Clause, sentence: Sentence, previous: Speaking | undefined): Speaking {
    const review: string[] = [];
    let speakerId = this.context.publisherId;
    let attribution: Attribution = 'narration';
    let confidence = 0.7;
    if (clause.attribution === 'paraphrase' && clause.speaker) {
      const resolved = this.resolve(clause.speaker);
      // The outlet reporting its own findings ("the office reported") speaks in its own voice; an
      // unresolved speaker ("analysts said") is still reported speech, given to the outlet.
      attribution = resolved?.id === this.context.publisherId ? 'narration' : 'paraphrase';
      if (!resolved)
        review.push(`reported speech by "${clause.speaker.text}", who was not resolved: given to the outlet`);
      else if (attribution === 'paraphrase') {
        speakerId = resolved.id;
        confidence = resolved.confidence * 0.9;
        if (resolved.review) review.push(resolved.review);
      }
    } else if (clause.sameSpeaker && previous) {
      speakerId = previous.id;
      attribution = previous.attribution === 'narration' ? 'narration' : 'paraphrase';
      confidence = 0.65;
    }
    if (attribution === 'narration') speakerId = this.context.publisherId;
    this.add(
      clause,
      this.context.text.slice(clause.start, clause.end),
      attribution,
      speakerId,
      sentence,
      confidence,
      review,
    );
    return { id: speakerId, attribution };
  }

  private add(
    span: Span,
    words: string,
    attribution: Attribution,
    speakerId: string,
    sentence: Sentence,
    confidence: number,
    review: string[],
  ): void {
    const { book } = this.context;
    const { figures, targets } = figuresOf({
      ...this.context,
      sentence,
      clause: span,
      previousPeriod: this.lastPeriod,
      lastMentioned: this.lastMentioned,
      attribution,
      setById: speakerId,
    });
    for (const figure of figures)
      // A forecast's future period is no period for the measurements after it.
      if (figure.period?.label && figure.role !== 'earlier-level' && figure.kind !== 'forecast')
        this.lastPeriod = figure.period;
    this.drafted.figures.push(...figures);
    this.drafted.targets.push(...targets);
    const previousCausal = [...this.drafted.claims].reverse().find((c) => c.kind === 'causal');
    const previousEffect = this.drafted.topics.find(
      (t) => t.id === previousCausal?.effectIds[previousCausal.effectIds.length - 1],
    );
    const causal =
      figures.length === 0 && targets.length === 0
        ? causesAndEffects(words, previousEffect, this.drafted.topics, book)
        : undefined;
    const kind = claimKind({
      text: words,
      attribution,
      hasFigures: figures.length > 0,
      hasTargets: targets.length > 0,
      hasForecast: figures.some((f) => f.kind === 'forecast'),
      hasCauseAndEffect: Boolean(causal),
    });
    if (kind === 'causal') review.push('causes and effects are drafted topics: check their names');
    const speaker = book.people.find((p) => p.id === speakerId);
    this.drafted.claims.push({
      id: book.ids.allocate(words, 8),
      span: { start: span.start, end: span.end },
      text: normaliseClaimText(words),
      kind,
      attribution,
      speakerId,
      roleId: speaker?.roles.find((r) => r.status === 'current')?.id ?? knownCurrentRole(speaker?.knownRoles),
      figureIds: figures.map((f) => f.id),
      metricIds: [...new Set([...figures, ...targets].map((f) => f.metricId))],
      targetIds: targets.map((t) => t.id),
      causeIds: kind === 'causal' ? (causal?.causes.map((t) => t.id) ?? []) : [],
      effectIds: kind === 'causal' ? (causal?.effects.map((t) => t.id) ?? []) : [],
      confidence: review.length > 0 ? Math.min(confidence, 0.6) : confidence,
      review,
    });
  }
}

/** "BEIJING, Jan. 18 (Newswire) -- ": an agency's dateline says where and when, not what. */
const DATELINE = /^\p{Lu}[\p{Lu} .'-]+,\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s+\([^)]{1,40}\)\s*(?:--|–|—|-)\s*/u;

function withoutDateline(text: string, region: Span): Span {
  const match = DATELINE.exec(text.slice(region.start, region.end));
  return match ? { start: region.start + match[0].length, end: region.end } : region;
}

function knownCurrentRole(roles: { id: string; status: string }[] | undefined): string | undefined {
  return roles?.find((r) => r.status === 'current')?.id;
}

/** A claim's text: its words as a sentence; the reviewer rewrites it to stand on its own. */
export function normaliseClaimText(words: string): string {
  const trimmed = words.trim().replace(/\s+/g, ' ');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
