import { z } from 'zod';

import {
  attributions,
  claimKinds,
  comparators,
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

/** A year ("2023"), a day ("2024-03-19"), "end of 2023", or one resolved against the publication date. */
const periodExpression = text.describe(
  'A period: "2023", "2024-03-19", "end of 2023", or relative to the publication date: ' +
    '"last year", "this year", "next year", "end of last year", "end of this year".',
);

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
    organization: ref,
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

const figureSchema = z
  .object({
    id: slug,
    metric: ref,
    value: z.number().finite(),
    unit: text,
    qualifier: z.enum(qualifiers).default('exact'),
    period: periodExpression,
    periodWords: text.optional().describe('The words of the source the period was read from.'),
    place: ref.optional(),
    ...quoteSelector,
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
    textFile: text.describe('The raw text, relative to this file. Never edited: offsets index it.'),
    metaFile: text.describe('The .meta.json beside the text (title, publisher, url, publishedDate).'),
    kind: z.enum(sourceKinds),
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
    claims: z.array(claimSchema).min(1, 'an annotation must contain at least one claim'),
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
