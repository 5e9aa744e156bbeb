import type { ClaimData } from '../modules/claim/claim.mapper';
import type { EntityData } from '../modules/entities';
import type { OrganizationData } from '../modules/organization/organization.mapper';
import { claimReviewOf } from '../modules/review/claim-review';
import type { ReviewData } from '../modules/review/review.mapper';
import type { SourceData } from '../modules/source/source.mapper';
import type { ExportedClaim, SourceExport } from './source-export.repository';

/**
 * A source's graph as JSON-LD that combines three vocabularies:
 * - schema.org for the things (NewsArticle, Claim, Person, Organization, ClaimReview, Observation);
 * - the W3C Web Annotation model for where each quote sits (TextQuoteSelector and
 *   TextPositionSelector; positions count Unicode code points, as the model does);
 * - PROV-O for lineage: a claim wasQuotedFrom its source, wasAttributedTo its speaker and
 *   wasDerivedFrom the figures it cites.
 * The context is inline, so a consumer needs no network access to expand it.
 */
export const JSONLD_CONTEXT = {
  '@vocab': 'https://schema.org/',
  schema: 'https://schema.org/',
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  hasTarget: { '@id': 'oa:hasTarget' },
  hasSource: { '@id': 'oa:hasSource', '@type': '@id' },
  hasSelector: { '@id': 'oa:hasSelector' },
  exact: { '@id': 'oa:exact' },
  prefix: { '@id': 'oa:prefix' },
  suffix: { '@id': 'oa:suffix' },
  start: { '@id': 'oa:start', '@type': 'xsd:nonNegativeInteger' },
  end: { '@id': 'oa:end', '@type': 'xsd:nonNegativeInteger' },
  wasQuotedFrom: { '@id': 'prov:wasQuotedFrom', '@type': '@id' },
  wasAttributedTo: { '@id': 'prov:wasAttributedTo', '@type': '@id' },
  wasDerivedFrom: { '@id': 'prov:wasDerivedFrom', '@type': '@id' },
  sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
  url: { '@id': 'schema:url', '@type': '@id' },
  datePublished: { '@id': 'schema:datePublished', '@type': 'xsd:date' },
};

/** A stable IRI for a node of this graph. */
export const nodeIri = (label: string, key: string): string =>
  `urn:news-claims:${label.toLowerCase()}:${encodeURIComponent(key)}`;

const SCHEMA_TYPES: Record<string, string> = {
  Person: 'Person',
  Organization: 'Organization',
  VirtualPresenter: 'Thing',
  Place: 'Place',
};

function agentNode(entity: EntityData): Record<string, unknown> {
  return {
    '@id': nodeIri(entity.label, entity.key),
    '@type': ['prov:Agent', SCHEMA_TYPES[entity.label] ?? 'Thing'],
    name: 'name' in entity ? entity.name : entity.key,
    ...('sameAs' in entity && entity.sameAs.length > 0 ? { sameAs: entity.sameAs } : {}),
  };
}

function articleNode(source: SourceData, publisher: OrganizationData | null): Record<string, unknown> {
  return {
    '@id': nodeIri('Source', source.key),
    '@type': ['NewsArticle', 'prov:Entity'],
    headline: source.title,
    url: source.url,
    datePublished: source.publishedDate,
    inLanguage: source.language,
    ...(publisher ? { publisher: { '@id': nodeIri('Organization', publisher.key) } } : {}),
  };
}

function figureNode({ figure, metric }: SourceExport['figures'][number], sourceIri: string): Record<string, unknown> {
  return {
    '@id': nodeIri('Figure', figure.key),
    '@type': ['Observation', 'prov:Entity'],
    name: figure.name,
    value: figure.value,
    unitText: figure.unit,
    observationDate: figure.period.end,
    ...(metric
      ? { measuredProperty: { '@id': nodeIri('Metric', metric.key), '@type': 'Property', name: metric.name } }
      : {}),
    wasQuotedFrom: sourceIri,
  };
}

/** Where the quote sits in the source, by its text with context and by code-point positions. */
function quoteTarget(quote: ClaimData['quote'], sourceIri: string): Record<string, unknown> {
  return {
    '@type': 'oa:SpecificResource',
    hasSource: sourceIri,
    hasSelector: [
      { '@type': 'oa:TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { '@type': 'oa:TextPositionSelector', start: quote.start, end: quote.end },
    ],
  };
}

function claimNode(
  { claim, speaker, role, figureKeys, evidence }: ExportedClaim,
  sourceIri: string,
): Record<string, unknown> {
  const speakerIri = speaker ? nodeIri(speaker.label, speaker.key) : undefined;
  return {
    '@id': nodeIri('Claim', claim.key),
    '@type': ['Claim', 'prov:Entity'],
    text: claim.text,
    appearance: { '@id': sourceIri },
    ...(speakerIri ? { author: { '@id': speakerIri }, wasAttributedTo: speakerIri } : {}),
    ...(role ? { 'schema:roleName': role.title } : {}),
    wasQuotedFrom: sourceIri,
    ...(figureKeys.length > 0 ? { wasDerivedFrom: figureKeys.map((key) => nodeIri('Figure', key)) } : {}),
    ...(evidence.length > 0
      ? {
          'schema:isBasedOn': evidence
            .filter((item) => item.stance === 'SUPPORTS')
            .map((item) => ({ '@id': nodeIri(item.label, item.key) })),
        }
      : {}),
    hasTarget: quoteTarget(claim.quote, sourceIri),
  };
}

const reviewNode = (review: ReviewData, claim: ClaimData): Record<string, unknown> => ({
  '@id': nodeIri('Review', review.key),
  ...claimReviewOf(review, claim.text),
  itemReviewed: { '@id': nodeIri('Claim', claim.key) },
});

/** Speakers and the publisher, once each however many claims name them. */
function agentNodes({ publisher, claims }: SourceExport): Record<string, unknown>[] {
  const agents = new Map<string, Record<string, unknown>>();
  for (const entity of [publisher, ...claims.map(({ speaker }) => speaker)]) {
    if (entity) agents.set(nodeIri(entity.label, entity.key), agentNode(entity));
  }
  return [...agents.values()];
}

export function toSourceJsonLd(exported: SourceExport): Record<string, unknown> {
  const { source, publisher, claims, figures } = exported;
  const sourceIri = nodeIri('Source', source.key);
  const graph = [
    articleNode(source, publisher),
    ...agentNodes(exported),
    ...figures.map((figure) => figureNode(figure, sourceIri)),
    ...claims.flatMap((claim) => [
      claimNode(claim, sourceIri),
      ...claim.reviews.map((review) => reviewNode(review, claim.claim)),
    ]),
  ];
  return { '@context': JSONLD_CONTEXT, '@graph': graph };
}
