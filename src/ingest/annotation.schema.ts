import { z } from 'zod';

import { PERIOD_GRAMMAR } from '../domain/period';
import {
  attributions,
  claimKinds,
  changeTypes,
  comparators,
  derivedOperations,
  figureKinds,
  placeKinds,
  qualifiers,
  roleStatuses,
  sourceKinds,
} from '../domain/vocabulary';
import { LANGUAGE_TAG, LANGUAGE_TAG_MESSAGE } from '../domain/source';

/**
 * The annotation file format: one YAML (or JSON) file per source, written by a person.
 * This schema is the single definition of the format: validation, TypeScript types and
 * schema/annotation.schema.json (for editors) are all derived from it.
 * Cross-references (a claim naming its speaker, a figure its metric) are checked after
 * parsing, in compile.ts, because they need the whole document.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "miao-wei"')
  .describe('A stable identifier: lower-case letters, digits and single hyphens.');

const text = z.string().trim().min(1, 'must not be empty');

const ref = slug.describe('The id of something declared elsewhere in this file.');

/** A period expression of domain/period.ts, resolved at ingestion against the publication date. */
const periodExpression = text.describe(`A period, resolved against the publication date: ${PERIOD_GRAMMAR}.`);

const quoteSelector = {
  quote: text.describe('The exact words in the source text. Offsets are computed at ingestion.'),
  occurrence: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Which occurrence of the quote is meant (1 = first), when it appears more than once.'),
};

const sameAs = z
  .array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
  .default([])
  .describe(
    'External identifiers of the same entity: a Wikidata entity URL (https://www.wikidata.org/entity/Q148) ' +
      'or another authoritative page about it.',
  );

const placeSchema = z
  .object({
    id: slug,
    name: text,
    kind: z.enum(placeKinds),
    isoCode: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .optional(),
    sameAs,
  })
  .strict();

const organizationSchema = z
  .object({
    id: slug,
    name: text,
    fullName: text.optional(),
    kind: text.describe('What sort of body it is, e.g. "broadcaster", "ministry", "advisory body".'),
    partOf: ref.optional().describe('The organization this one belongs to.'),
    country: ref.optional().describe('A place id.'),
    sameAs,
  })
  .strict();

const roleSchema = z
  .object({
    id: slug,
    title: text,
    organization: ref.optional().describe('Where the role is held; none for an independent role ("industry analyst").'),
    status: z.enum(roleStatuses).describe('Whether the role was held at the publication date.'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();

const personSchema = z
  .object({
    id: slug,
    name: text,
    description: text.optional(),
    roles: z.array(roleSchema).default([]),
    sameAs,
  })
  .strict();

const virtualPresenterSchema = z
  .object({
    id: slug,
    name: text,
    description: text,
    operatedBy: ref.describe('The organization that runs the presenter.'),
  })
  .strict();

const topicSchema = z
  .object({
    id: slug,
    name: text,
    description: text.optional(),
    broader: ref.optional().describe('A broader topic this one belongs to.'),
    includes: z.array(ref).default([]).describe('Topics this one groups, e.g. the "new three pillars".'),
  })
  .strict();

const metricSchema = z
  .object({
    id: slug,
    name: text,
    description: text,
    unit: text.describe('The unit every figure of the metric is expressed in, e.g. "percent".'),
    place: ref.optional().describe('The place the metric is scoped to.'),
  })
  .strict();

const NUMBER_MESSAGE = 'must be a finite number, or a decimal written as text such as "2.40"';

/** A number as written: quote it ("2.40") to keep trailing zeros, which a YAML number drops. */
const decimalValue = z
  .union([z.number().finite(), z.string().trim().min(1)], { error: NUMBER_MESSAGE })
  .describe('A number; quote it ("2.40") to keep it exactly as written.');

/** Who passed a figure or claim on, in order from the origin towards this source. */
const provenance = {
  producedBy: ref
    .optional()
    .describe('Who produced the data: an organization id, or a source this one cites or republishes.'),
  relayedBy: z
    .array(ref)
    .default([])
    .describe('Who passed it on, from the origin towards this source: people, organizations or cited sources.'),
};

const figureSchema = z
  .object({
    id: slug,
    kind: z.enum(figureKinds).default('observation'),
    metric: ref,
    value: decimalValue.optional().describe('The value; none for a range or a ranking.'),
    range: z
      .object({ low: decimalValue.optional(), high: decimalValue.optional() })
      .strict()
      .optional()
      .describe('A range instead of a value; a missing end is open ("over 1 million").'),
    rank: z.number().optional().describe('An ordinal ranking: 10 for "the 10th".'),
    rankOf: text.optional().describe('What the rank counts, e.g. "consecutive years leading world NEV sales".'),
    unit: text,
    qualifier: z.enum(qualifiers).default('exact'),
    period: periodExpression,
    periodWords: text.optional().describe('The words of the source the period was read from.'),
    place: ref.optional(),
    change: z
      .object({
        type: z.enum(changeTypes),
        basePeriod: periodExpression
          .optional()
          .describe('The period the change is measured from; "the previous year" counts from the figure\'s period.'),
        of: ref.optional().describe('The level figure (of this file) the change is of, when the text gives it.'),
      })
      .strict()
      .optional()
      .describe('A change of a level: the figure measures the metric of the level it changes.'),
    derived: z
      .object({
        operation: z.enum(derivedOperations),
        inputs: z
          .array(z.string().trim().min(1))
          .min(1)
          .describe('Figure ids in order: of this file, or "source-id/figure-id" of a cited source.'),
      })
      .strict()
      .optional()
      .describe('How a derived figure is computed; its value is recomputed and checked at ingestion.'),
    locator: text
      .optional()
      .describe('Where in a dataset or report the figure is (table, page, section), instead of a quote.'),
    quote: quoteSelector.quote.optional(),
    occurrence: quoteSelector.occurrence,
    ...provenance,
  })
  .strict();

const targetSchema = z
  .object({
    id: slug,
    name: text,
    metric: ref,
    comparator: z.enum(comparators),
    threshold: z.number().finite(),
    unit: text,
    deadline: periodExpression.describe('When the threshold is to be reached, e.g. "2035".'),
    place: ref.optional(),
    setBy: ref.describe('Who set the target: a place, organization or person id.'),
  })
  .strict();

const projectionSchema = z
  .object({
    id: slug,
    target: ref,
    projectedBy: ref.describe('A person or organization id.'),
    expectedBy: periodExpression.describe('When the projection says the target will be met.'),
    yearsEarlier: z.number().int().optional().describe('How much earlier than the deadline, as stated.'),
  })
  .strict();

const claimSchema = z
  .object({
    id: slug,
    text: text.describe('The claim as a normalized, self-contained statement.'),
    kind: z.enum(claimKinds),
    attribution: z.enum(attributions),
    speaker: ref.describe('A person, organization or virtual presenter id.'),
    role: ref.optional().describe('The role the speaker held when speaking (a role id).'),
    ...quoteSelector,
    ...provenance,
    figures: z.array(ref).default([]),
    metrics: z.array(ref).default([]),
    targets: z.array(ref).default([]),
    projections: z.array(ref).default([]),
    topics: z.array(ref).default([]),
    causes: z.array(ref).default([]).describe('For causal claims: the topics named as causes.'),
    effects: z.array(ref).default([]).describe('For causal claims: the topics named as effects.'),
    supports: z.array(ref).default([]).describe('Claims this claim supports.'),
    contradicts: z.array(ref).default([]).describe('Claims this claim contradicts.'),
  })
  .strict();

const sourceSchema = z
  .object({
    id: slug,
    textFile: text.optional().describe('The raw text, relative to this file. Never edited: offsets index it.'),
    metaFile: text.optional().describe('The .meta.json beside the text (title, publisher, url, publishedDate).'),
    facts: z
      .object({
        title: text,
        url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
        publishedDate: z.iso.date(),
        language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag'),
        note: text.optional().describe('How the facts are known, e.g. "as reported by People\'s Daily Online".'),
      })
      .strict()
      .optional()
      .describe('A source recorded by its facts only, without its text (instead of textFile and metaFile).'),
    kind: z.enum(sourceKinds),
    republishes: z.array(ref).default([]).describe('Ids of sources this one republishes.'),
    cites: z.array(ref).default([]).describe('Ids of sources this one cites (datasets, reports, articles).'),
    publisher: ref.describe('An organization id.'),
    interviewer: ref.optional().describe('An organization or person id.'),
    interviewees: z.array(ref).default([]),
    mentions: z.array(ref).default([]).describe('Entities the text mentions outside any claim.'),
    body: z
      .object({
        start: text.describe('The first words of the body (after page boilerplate).'),
        end: text.describe('The last words of the body (before page boilerplate).'),
      })
      .strict()
      .optional()
      .describe('The article body. Every claim and figure quote must lie inside it.'),
  })
  .strict();

export const annotationSchema = z
  .object({
    source: sourceSchema,
    places: z.array(placeSchema).default([]),
    organizations: z.array(organizationSchema).default([]),
    people: z.array(personSchema).default([]),
    virtualPresenters: z.array(virtualPresenterSchema).default([]),
    topics: z.array(topicSchema).default([]),
    metrics: z.array(metricSchema).default([]),
    figures: z.array(figureSchema).default([]),
    targets: z.array(targetSchema).default([]),
    projections: z.array(projectionSchema).default([]),
    claims: z.array(claimSchema).default([]).describe('At least one for a source with a text.'),
  })
  .strict();

/** A file of seed/entities/: the shared entities every annotation may refer to by id. */
export const entitiesSchema = z
  .object({
    places: z.array(placeSchema).default([]),
    organizations: z.array(organizationSchema).default([]),
    people: z.array(personSchema).default([]),
    virtualPresenters: z.array(virtualPresenterSchema).default([]),
    topics: z.array(topicSchema).default([]),
    metrics: z.array(metricSchema).default([]),
  })
  .strict();

export const sourceMetaSchema = z
  .object({
    file: text,
    title: text,
    publisher: text,
    url: z.url(),
    publishedDate: z.iso.date(),
    publishedDateSource: text.optional(),
    language: z.string().regex(LANGUAGE_TAG, LANGUAGE_TAG_MESSAGE),
    encoding: z.literal('UTF-8').optional(),
    note: text.optional(),
  })
  .strict();

export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationClaim = Annotation['claims'][number];
export type AnnotationFigure = Annotation['figures'][number];
export type SourceMeta = z.infer<typeof sourceMetaSchema>;
export type Entities = z.infer<typeof entitiesSchema>;
