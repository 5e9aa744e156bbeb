import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One drafted item, with its span in the text in Unicode code points.' })
export class DraftItem {
  @Field({ description: 'body, claim, figure, target, person, role, organization or place.' })
  type!: string;

  @Field({ description: 'Its id in the drafted YAML.' })
  id!: string;

  @Field({ description: 'The words of the text it was drafted from.' })
  quote!: string;

  @Field(() => Int, { description: 'First code point (0-based).' })
  start!: number;

  @Field(() => Int, { description: 'Code point after the last one.' })
  end!: number;

  @Field(() => Float, { description: 'How sure the extractor is, 0 to 1.' })
  confidence!: number;

  @Field(() => [String], { description: 'What the reviewer should check; empty when the extractor was sure.' })
  review!: string[];

  @Field(() => String, { nullable: true, description: 'For a change figure: the id of the level figure it changes.' })
  changeOf?: string | null;
}

@ObjectType({ description: 'A draft annotation: the YAML to review and ingest, and its items.' })
export class DraftAnnotation {
  @Field({ description: 'The annotation in the project format, with review notes as comments.' })
  yaml!: string;

  @Field(() => [String], { description: 'Problems of the whole draft, e.g. no publication date.' })
  warnings!: string[];

  @Field(() => [DraftItem])
  items!: DraftItem[];
}
