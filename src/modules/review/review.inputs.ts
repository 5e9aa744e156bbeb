import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A verdict on a claim. Maps one to one onto schema.org ClaimReview.' })
export class ReviewClaimInput {
  @Field(() => ID, { description: 'The claim reviewed.' })
  claim!: string;

  @Field(() => Int, { description: 'Rating from 1 (false) to 5 (true).' })
  rating!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The verdict in words; defaults to the standard label of the rating.',
  })
  ratingLabel?: string | null;

  @Field({ description: 'Why the reviewer reached the verdict.' })
  explanation!: string;

  @Field(() => String, { nullable: true, description: 'Where the review is published (http or https URL).' })
  url?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Claims, figures or sources the verdict rests on.' })
  evidence?: string[] | null;
}
