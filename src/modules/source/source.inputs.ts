import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType({ description: 'A new source document: its raw text, stored unchanged, and its metadata.' })
export class AddSourceInput {
  @Field({ description: 'Headline or title.' })
  title!: string;

  @Field({ description: 'Where it was published (http or https URL).' })
  url!: string;

  @Field(() => LocalDateResolver, { description: 'Publication date; relative periods are resolved against it.' })
  publishedDate!: string;

  @Field({ description: 'BCP 47 language tag, e.g. "en".' })
  language!: string;

  @Field({ description: 'What sort of document: article, interview, report or speech.' })
  kind!: string;

  @Field(() => ID, { description: 'The Organization that published it.' })
  publisher!: string;

  @Field({ description: 'The raw text, exactly as scraped. Offsets of quotes index it in Unicode code points.' })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The first words of the body, when page boilerplate precedes it.',
  })
  bodyStartsWith?: string | null;

  @Field(() => String, { nullable: true, description: 'The last words of the body, when page boilerplate follows it.' })
  bodyEndsWith?: string | null;
}
