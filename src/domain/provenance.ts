/**
 * The provenance links of issue #14 and what each may join: who produced a claim's or figure's
 * data, who relayed it, what a source republishes or cites. One table serves the API's checks and
 * its description of them.
 */
export const provenanceLinks = {
  PRODUCED_BY: { from: ['Figure', 'Claim'], to: ['Organization', 'Source'] },
  RELAYED_BY: { from: ['Figure', 'Claim'], to: ['Person', 'Organization', 'VirtualPresenter', 'Source'] },
  REPUBLISHES: { from: ['Source'], to: ['Source'] },
  CITES: { from: ['Source'], to: ['Source'] },
} as const;

export type ProvenanceLinkType = keyof typeof provenanceLinks;

/** Why a link cannot be made, given what the graph holds; undefined when it can. */
export function provenanceLinkRefusal(link: {
  type: ProvenanceLinkType;
  fromKey: string;
  toKey: string;
  /** The producer already recorded, if any (PRODUCED_BY). */
  producerKey: string | null;
  /** Whether `to` already reaches `from` by REPUBLISHES or CITES (the link would close a loop). */
  closesLoop: boolean;
}): string | undefined {
  if (link.fromKey === link.toKey) return 'a node cannot be linked to itself';
  if (link.type === 'PRODUCED_BY' && link.producerKey !== null && link.producerKey !== link.toKey) {
    return `the data already has a producer (id ${link.producerKey}); a figure or claim has one producer`;
  }
  if (link.closesLoop) return 'the link would close a loop of republications or citations';
  return undefined;
}
