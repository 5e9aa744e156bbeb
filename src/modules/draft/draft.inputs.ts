import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType({ description: 'A raw article text and its metadata, to draft an annotation from.' })
export class DraftAnnotationInput {
  @Field({ description: 'The raw text exactly as scraped (at most 50,000 characters).' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The title; a line equal to it is not part of the body.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher as the page names it, e.g. "CGTN".' })
  publisher?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The publication date; without it, relative periods ("last year") are left unresolved and flagged.',
  })
  publishedDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The text file name the YAML refers to (default "article.txt").',
  })
  textFile?: string | null;
}
