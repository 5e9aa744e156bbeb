import { Retraction } from '../history/history.type';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import type { SourceData } from './source.mapper';

@ObjectType({ description: 'The part of a source text that is the article proper, without page boilerplate.' })
export class TextRange {
  @Field(() => Int, { description: 'First position, in Unicode code points from the start of the text.' })
  start!: number;

  @Field(() => Int, { description: 'Position after the last character (exclusive), in Unicode code points.' })
  end!: number;
}

@ObjectType({ description: 'How much a source holds: what a reader sees before opening it.' })
export class SourceCounts {
  @Field(() => Int, { description: 'Claims made in the source.' })
  claims!: number;

  @Field(() => Int, { description: 'Figures the source reports.' })
  figures!: number;

  @Field(() => Int, { description: "Reviews (verdicts) of the source's claims." })
  reviews!: number;
}

// A federation entity: other subgraphs refer to it by its global id (src/federation.ts).
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  description:
    'A document claims and figures were taken from: an article, interview, report, speech or dataset, ' +
    'possibly known only by its facts (referenceOnly).',
})
export class Source extends Node {
  @Field({ description: 'Headline or title.' })
  title!: string;

  @Field({ description: 'What sort of document: article, interview, report, speech or dataset.' })
  kind!: string;

  @Field({
    description:
      'True for a source recorded by its facts only (publisher, title, date, URL), such as a dataset: it has no ' +
      'text, and its figures have locators instead of quotes.',
  })
  referenceOnly!: boolean;

  @Field({ description: 'Where it was published.' })
  url!: string;

  @Field(() => LocalDateResolver, {
    description: 'Publication date; relative periods in the text ("last year") are resolved against it.',
  })
  publishedDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the publication date came from, when the text itself does not carry it.',
  })
  publishedDateSource!: string | null;

  @Field({ description: 'BCP 47 language tag of the text, e.g. "en".' })
  language!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The raw text exactly as scraped, boilerplate included. Quote offsets index it in code points. ' +
      'Null for a reference-only source.',
  })
  text!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the raw text (hex), to check a copy is the one the offsets refer to.',
  })
  contentHash!: string | null;

  @Field(() => Int, { description: 'Length of the raw text in Unicode code points (0 for a reference-only source).' })
  length!: number;

  bodyStart!: number | null;
  bodyEnd!: number | null;

  @Field(() => Retraction, {
    nullable: true,
    description: 'Set when the publisher retracted the source; it and its claims stay in the graph. Null otherwise.',
  })
  retracted!: Retraction | null;

  @Field(() => TextRange, {
    nullable: true,
    description: 'Where the article body lies in the raw text; every quote lies inside it. Null without a text.',
  })
  get body(): TextRange | null {
    return this.bodyStart === null || this.bodyEnd === null ? null : { start: this.bodyStart, end: this.bodyEnd };
  }
}

export const SourceConnection = ConnectionType<SourceData>(Source);
