import type { EntityData } from '../modules/entities';
import { claimReviewOf } from '../modules/review/claim-review';
import type { SourceExport } from './source-export.repository';

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

function agent(entity: EntityData): Record<string, unknown> {
  return {
    '@id': nodeIri(entity.label, entity.key),
    '@type': ['prov:Agent', SCHEMA_TYPES[entity.label] ?? 'Thing'],
    name: 'name' in entity ? entity.name : entity.key,
    ...('sameAs' in entity && entity.sameAs.length > 0 ? { sameAs: entity.sameAs } : {}),
  };
}

export function toSourceJsonLd({ source, publisher, claims, figures }: SourceExport): Record<string, unknown> {
  const sourceIri = nodeIri('Source', source.key);
  const agents = new Map<string, Record<string, unknown>>();
  const addAgent = (entity: EntityData | null) => {
    if (entity) agents.set(nodeIri(entity.label, entity.key), agent(entity));
  };
  addAgent(publisher);
  claims.forEach(({ speaker }) => addAgent(speaker));

  const graph: Record<string, unknown>[] = [
    {
      '@id': sourceIri,
      '@type': ['NewsArticle', 'prov:Entity'],
      headline: source.title,
      url: source.url,
      datePublished: source.publishedDate,
      inLanguage: source.language,
      ...(publisher ? { publisher: { '@id': nodeIri('Organization', publisher.key) } } : {}),
    },
    ...agents.values(),
    ...figures.map(({ figure, metric }) => ({
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
    })),
    ...claims.flatMap(({ claim, speaker, role, figureKeys, evidence, reviews }) => {
      const claimIri = nodeIri('Claim', claim.key);
      return [
        {
          '@id': claimIri,
          '@type': ['Claim', 'prov:Entity'],
          text: claim.text,
          appearance: { '@id': sourceIri },
          ...(speaker ? { author: { '@id': nodeIri(speaker.label, speaker.key) } } : {}),
          ...(speaker ? { wasAttributedTo: nodeIri(speaker.label, speaker.key) } : {}),
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
          hasTarget: {
            '@type': 'oa:SpecificResource',
            hasSource: sourceIri,
            hasSelector: [
              {
                '@type': 'oa:TextQuoteSelector',
                exact: claim.quote.exact,
                prefix: claim.quote.prefix,
                suffix: claim.quote.suffix,
              },
              { '@type': 'oa:TextPositionSelector', start: claim.quote.start, end: claim.quote.end },
            ],
          },
        },
        ...reviews.map((review) => ({
          '@id': nodeIri('Review', review.key),
          ...claimReviewOf(review, claim.text),
          itemReviewed: { '@id': claimIri },
        })),
      ];
    }),
  ];
  return { '@context': JSONLD_CONTEXT, '@graph': graph };
}
