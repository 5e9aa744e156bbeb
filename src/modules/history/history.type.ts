import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A retraction: the item was withdrawn by its publisher or speaker. It stays in the graph, marked, and ' +
    'everything that points at it (reviews, evidence) stays readable.',
})
export class Retraction {
  @Field(() => LocalDateResolver, { description: 'The day it was retracted.' })
  date!: string;

  @Field({ description: 'Why it was retracted.' })
  reason!: string;

  @Field({ description: 'The token name of the editor who recorded the retraction.' })
  agent!: string;

  @Field(() => String, { nullable: true, description: 'Where the retraction is documented (a URL).' })
  evidence!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the retraction was recorded.' })
  recordedAt!: string;
}

@ObjectType({ description: 'A property a version changed, with the value it set.' })
export class FieldChange {
  @Field({ description: 'The stored property, e.g. "text", "decimal", "periodStart", "retractionReason".' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value it was set to, as text; null if removed.' })
  value!: string | null;
}

@ObjectType({
  description:
    'One version of a claim or figure (prov:wasRevisionOf the version before it): who recorded it, when, why, ' +
    'and what it changed. Version 1 is what was first written (from an annotation file or the API).',
})
export class Revision {
  @Field(() => Int, { description: 'The version number; 1 is the first.' })
  version!: number;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When it was recorded; null for a version 1 whose writing time is unknown.',
  })
  recordedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The token name of who recorded it ("ingestion" for a file).' })
  agent!: string | null;

  @Field(() => String, { nullable: true, description: "The agent's role (editor, reviewer); null for version 1." })
  agentRole!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was changed; null for version 1.' })
  reason!: string | null;

  @Field(() => [FieldChange], { description: 'The properties this version changed; empty for version 1.' })
  changes!: FieldChange[];
}
