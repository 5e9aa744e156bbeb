/**
 * Claim kinds, by the first rule that applies (the format's kinds, docs/annotation-format.md):
 *   - forecast: the claim states a target or a future value, says what will or could happen
 *     with a number ("could be achieved 10 years earlier"), or a future change ("could halve");
 *   - statistic: it cites a measured figure;
 *   - causal: a cause-effect connective ("would allow for", "leads to", "translating to");
 *   - recommendation: a need or an obligation ("requires", "needs", "should", "must");
 *   - opinion: a direct quote without figures (a speaker's own words of judgement), or a
 *     first-person view;
 *   - assessment: anything else (the outlet's or a speaker's evaluation of a state of affairs).
 */
import type { Attribution, ClaimKind } from './types';

export const CAUSAL_CUE =
  /\b(?:would allow(?: for)?|allows?(?: for)?|leads? to|led to|lead to|results? in|resulted in|because of|due to|thanks to|driven by|drives?|translat(?:ing|es?|ed) (?:in)?to|caus(?:es|ed|ing)|so that|as a result of|contribut(?:es|ed|ing) to|boost(?:s|ed|ing)?)\b/i;
const RECOMMENDATION =
  /\b(?:needs?|needed|must|should|requires?|required|calls? for|called for|urged?|has to|have to|ought to|it is (?:necessary|essential|vital))\b/i;
const FUTURE =
  /\b(?:will|could|would|is expected to|are expected to|forecast|projections?|projected|predicts?|by 20\d\d|next year)\b/i;
/** "could halve the harvest", "will fall again", "would reduce export growth": a future change, with or without a number. */
const FUTURE_CHANGE =
  /\b(?:will|could|would|may|might|is expected to|are expected to)\s+(?:\w+\s+)?(?:fall|rise|grow|halve|double|triple|reduce|increase|decline|slow|reach|cut|shrink|drop|climb|supply)\b/i;
const FIRST_PERSON = /\b(?:I|we|my|our)\b|\b(?:I|we) (?:think|believe|feel)\b/;

export interface KindInput {
  text: string;
  attribution: Attribution;
  hasFigures: boolean;
  hasTargets: boolean;
  /** A figure of kind forecast: the claim predicts it. */
  hasForecast?: boolean;
  hasCauseAndEffect: boolean;
}

export function claimKind(input: KindInput): ClaimKind {
  const { text, attribution } = input;
  if (input.hasTargets || input.hasForecast || (FUTURE.test(text) && /\d/.test(text)) || FUTURE_CHANGE.test(text))
    return 'forecast';
  if (input.hasFigures) return 'statistic';
  if (input.hasCauseAndEffect) return 'causal';
  if (RECOMMENDATION.test(text)) return 'recommendation';
  if (attribution === 'direct-quote' || FIRST_PERSON.test(text)) return 'opinion';
  return 'assessment';
}
