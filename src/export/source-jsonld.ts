import type { ClaimData } from '../modules/claim/claim.mapper';
import type { EntityData } from '../modules/entities';
import type { OrganizationData } from '../modules/organization/organization.mapper';
import { claimReviewOf } from '../modules/review/claim-review';
import type { ReviewData } from '../modules/review/review.mapper';
import type { SourceData } from '../modules/source/source.mapper';
import type { ExportedClaim, ExportedFigure, ExportedProvenance, SourceExport } from './source-export.repository';

/**
 * A source's graph as JSON-LD that combines three vocabularies:
 * - schema.org for the things (NewsArticle, Claim, Person, Organization, ClaimReview, Observation);
 * - the W3C Web Annotation model for where each quote sits (TextQuoteSelector and
 *   TextPositionSelector; positions count Unicode code points, as the model does);
 * - PROV-O for lineage: a claim wasQuotedFrom its source, wasAttributedTo its speaker and
 *   wasDerivedFrom the figures it cites; a claim or figure wasAttributedTo the organisation that
 *   produced its data, or wasDerivedFrom and schema:isBasedOn the dataset or report that did, and
 *   wasInfluencedBy whoever relayed it; a derived figure wasDerivedFrom its inputs; a source
 *   schema:isBasedOn what it republishes or cites, and wasDerivedFrom what it republishes.
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
  wasInfluencedBy: { '@id': 'prov:wasInfluencedBy', '@type': '@id' },
  hadPrimarySource: { '@id': 'prov:hadPrimarySource', '@type': '@id' },
  isBasedOn: { '@id': 'schema:isBasedOn', '@type': '@id' },
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

/** A source of any kind; a dataset is a schema.org Dataset, a reference-only source a CreativeWork. */
function sourceNode(source: SourceData, publisher: OrganizationData | null): Record<string, unknown> {
  const type = source.kind === 'dataset' ? 'Dataset' : source.referenceOnly ? 'CreativeWork' : 'NewsArticle';
  return {
    '@id': nodeIri('Source', source.key),
    '@type': [type, 'prov:Entity'],
    headline: source.title,
    url: source.url,
    datePublished: source.publishedDate,
    inLanguage: source.language,
    ...(publisher ? { publisher: { '@id': nodeIri('Organization', publisher.key) } } : {}),
  };
}

const iriOf = (entity: EntityData) => nodeIri(entity.label, entity.key);

/**
 * PROV-O for who a claim or figure rests on: an organisation that produced the data is the agent it
 * is attributed to; a dataset or report that did is what it derives from and is based on; relays
 * influenced it.
 */
function provenanceOf(
  { producers, relays }: ExportedProvenance,
  attributedTo: string[],
  derivedFrom: string[],
): Record<string, unknown> {
  const sources = producers.filter((producer) => producer.label === 'Source').map(iriOf);
  const agents = [...attributedTo, ...producers.filter((producer) => producer.label !== 'Source').map(iriOf)];
  const derived = [...derivedFrom, ...sources];
  return {
    ...(agents.length > 0 ? { wasAttributedTo: agents } : {}),
    ...(sources.length > 0 ? { isBasedOn: sources } : {}),
    ...(relays.length > 0 ? { wasInfluencedBy: relays.map(iriOf) } : {}),
    ...(derived.length > 0 ? { wasDerivedFrom: derived } : {}),
  };
}

function figureNode(exported: ExportedFigure, sourceIri: string): Record<string, unknown> {
  const { figure, metric, inputKeys } = exported;
  return {
    '@id': nodeIri('Figure', figure.key),
    '@type': ['Observation', 'prov:Entity'],
    name: figure.name,
    ...(figure.value === null ? {} : { value: figure.value }),
    unitText: figure.unit,
    observationDate: figure.period.end,
    ...(metric
      ? { measuredProperty: { '@id': nodeIri('Metric', metric.key), '@type': 'Property', name: metric.name } }
      : {}),
    // A quoted figure is quoted from the source; a located one has it as primary source, at its locator.
    ...(figure.quote === null
      ? { hadPrimarySource: sourceIri, ...(figure.locator ? { description: `Located at ${figure.locator}` } : {}) }
      : { wasQuotedFrom: sourceIri }),
    ...provenanceOf(
      exported,
      [],
      inputKeys.map((key) => nodeIri('Figure', key)),
    ),
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

function claimNode(exported: ExportedClaim, sourceIri: string): Record<string, unknown> {
  const { claim, speaker, role, figureKeys, evidence } = exported;
  const speakerIri = speaker ? nodeIri(speaker.label, speaker.key) : undefined;
  return {
    '@id': nodeIri('Claim', claim.key),
    '@type': ['Claim', 'prov:Entity'],
    text: claim.text,
    appearance: { '@id': sourceIri },
    ...(speakerIri ? { author: { '@id': speakerIri } } : {}),
    ...provenanceOf(
      exported,
      speakerIri ? [speakerIri] : [],
      figureKeys.map((key) => nodeIri('Figure', key)),
    ),
    ...(role ? { 'schema:roleName': role.title } : {}),
    wasQuotedFrom: sourceIri,
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

/**
 * Speakers, the publisher, producers and relays, and the publishers of earlier sources, once each
 * however many claims name them; a source among them (a dataset that produced data, a relaying
 * report) is described as a source.
 */
function agentNodes({ publisher, claims, figures, earlier }: SourceExport): Record<string, unknown>[] {
  const agents = new Map<string, Record<string, unknown>>();
  const named = [
    publisher,
    ...claims.flatMap(({ speaker, producers, relays }) => [speaker, ...producers, ...relays]),
    ...figures.flatMap(({ producers, relays }) => [...producers, ...relays]),
    ...earlier.map((item) => item.publisher),
  ];
  for (const entity of named) {
    if (!entity) continue;
    agents.set(iriOf(entity), entity.label === 'Source' ? sourceNode(entity, null) : agentNode(entity));
  }
  for (const item of earlier) agents.set(nodeIri('Source', item.source.key), sourceNode(item.source, item.publisher));
  return [...agents.values()];
}

/** The source itself, based on what it republishes or cites and derived from what it republishes. */
function exportedSourceNode({ source, publisher, earlier }: SourceExport): Record<string, unknown> {
  const iris = (relation?: string) =>
    earlier.filter((item) => !relation || item.relation === relation).map((item) => nodeIri('Source', item.source.key));
  return {
    ...sourceNode(source, publisher),
    ...(earlier.length > 0 ? { isBasedOn: iris() } : {}),
    ...(iris('REPUBLISHES').length > 0 ? { wasDerivedFrom: iris('REPUBLISHES') } : {}),
  };
}

export function toSourceJsonLd(exported: SourceExport): Record<string, unknown> {
  const { source, claims, figures } = exported;
  const sourceIri = nodeIri('Source', source.key);
  const graph = [
    exportedSourceNode(exported),
    ...agentNodes(exported),
    ...figures.map((figure) => figureNode(figure, sourceIri)),
    ...claims.flatMap((claim) => [
      claimNode(claim, sourceIri),
      ...claim.reviews.map((review) => reviewNode(review, claim.claim)),
    ]),
  ];
  return { '@context': JSONLD_CONTEXT, '@graph': graph };
}
