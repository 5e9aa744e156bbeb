import { number, text, type Properties } from '../../db/values';
import type { TextAnchor } from '../../domain/anchor';
import type { Attribution, ClaimKind } from '../../domain/vocabulary';
import { mapRetraction, versionOf, type RetractionData } from '../history/retraction.mapper';

export type { Attribution, ClaimKind };

/** A W3C-style anchor of words in a source text; offsets count Unicode code points. */
export type TextQuoteData = TextAnchor;

export interface ClaimData {
  label: 'Claim';
  key: string;
  text: string;
  kind: ClaimKind;
  attribution: Attribution;
  quote: TextQuoteData;
  /** 1 until the claim's first correction (docs/model.md#versions-and-history). */
  version: number;
  retracted: RetractionData | null;
}

export const mapQuote = (properties: Properties): TextQuoteData => ({
  exact: text(properties, 'quote'),
  start: number(properties, 'quoteStart'),
  end: number(properties, 'quoteEnd'),
  prefix: text(properties, 'quotePrefix'),
  suffix: text(properties, 'quoteSuffix'),
});

export const mapClaim = (properties: Properties): ClaimData => ({
  label: 'Claim',
  key: text(properties, 'id'),
  text: text(properties, 'text'),
  kind: text(properties, 'kind') as ClaimKind,
  attribution: text(properties, 'attribution') as Attribution,
  quote: mapQuote(properties),
  version: versionOf(properties),
  retracted: mapRetraction(properties),
});
