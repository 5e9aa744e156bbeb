import type { EntityData } from '../entities';
import type { FigureData } from '../figure/figure.mapper';
import type { OrganizationData } from '../organization/organization.mapper';
import type { SourceData } from '../source/source.mapper';
import type { ClaimData, TextQuoteData } from './claim.mapper';

export type ProvenanceRelation = 'QUOTED_IN' | 'RELAYED_BY' | 'REPUBLISHES' | 'CITES' | 'PRODUCED_BY';

/** One step from a claim's quote back towards the origin of what it says. */
export interface ProvenanceHopData {
  relation: ProvenanceRelation;
  /** Who: the speaker, a relay, the publisher of an earlier source, the producer. */
  agent: EntityData | null;
  /** Where the step is evidenced or leads to (see provenanceChain). */
  source: SourceData | null;
  /** The evidence: the words of the claim or figure that state the step… */
  quote: TextQuoteData | null;
  /** …or, for a figure located in a dataset or report, where it is. */
  locator: string | null;
  /** The figure the step traces; null when it is the claim's own. */
  figure: FigureData | null;
}

/** A figure's own provenance, as the lineage statement fetches it. */
export interface FigureProvenanceData {
  figure: FigureData;
  /** The source that reports it (REPORTED_IN). */
  source: SourceData | null;
  /** RELAYED_BY, nearest the reporting source first. */
  relays: EntityData[];
  /** PRODUCED_BY of the figure or, for a derived figure, of its inputs (at any depth). */
  producers: { figure: FigureData; agent: EntityData; source: SourceData | null }[];
}

/** What the lineage statement fetches for a claim's provenance. */
export interface ClaimProvenanceData {
  /** RELAYED_BY of the claim, nearest the quoting source first. */
  relays: EntityData[];
  producers: EntityData[];
  /** Sources the claim's source republishes or cites, transitively, nearest first. */
  earlier: { relation: 'REPUBLISHES' | 'CITES'; source: SourceData; publisher: OrganizationData | null }[];
}

const asSource = (agent: EntityData): SourceData | null => (agent.label === 'Source' ? agent : null);

/**
 * The chain from a claim's quote back to the earliest known origin, in this order: the quote in its
 * source (QUOTED_IN, by the speaker); the claim's relays, then each cited figure's, nearest the
 * quote first (RELAYED_BY); the sources the claim's source republishes or cites, nearest first,
 * each once (REPUBLISHES, CITES, the agent being their publisher); the producers of the claim and of
 * its figures, a derived figure's inputs included (PRODUCED_BY). A hop's `source` is the source an
 * agent is when it is one (a relaying outlet's report, a dataset), else the source that evidences it.
 */
export function provenanceChain(
  claim: ClaimData,
  claimSource: SourceData | null,
  speaker: EntityData | null,
  own: ClaimProvenanceData,
  figures: FigureProvenanceData[],
): ProvenanceHopData[] {
  const claimEvidence = { quote: claim.quote, locator: null, figure: null };
  const figureEvidence = (figure: FigureData) => ({ quote: figure.quote, locator: figure.locator, figure });
  const seen = new Set<string>();
  const earlier = own.earlier.filter(({ relation, source }) => {
    const key = `${relation}:${source.key}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return [
    { relation: 'QUOTED_IN', agent: speaker, source: claimSource, ...claimEvidence },
    ...own.relays.map((agent) => ({
      relation: 'RELAYED_BY' as const,
      agent,
      source: asSource(agent) ?? claimSource,
      ...claimEvidence,
    })),
    ...figures.flatMap(({ figure, source, relays }) =>
      relays.map((agent) => ({
        relation: 'RELAYED_BY' as const,
        agent,
        source: asSource(agent) ?? source,
        ...figureEvidence(figure),
      })),
    ),
    ...earlier.map(({ relation, source, publisher }) => ({
      relation,
      agent: publisher,
      source,
      quote: null,
      locator: null,
      figure: null,
    })),
    ...own.producers.map((agent) => ({
      relation: 'PRODUCED_BY' as const,
      agent,
      source: asSource(agent) ?? claimSource,
      ...claimEvidence,
    })),
    ...figures.flatMap(({ producers }) =>
      producers.map(({ figure, agent, source }) => ({
        relation: 'PRODUCED_BY' as const,
        agent,
        source: asSource(agent) ?? source,
        ...figureEvidence(figure),
      })),
    ),
  ];
}
