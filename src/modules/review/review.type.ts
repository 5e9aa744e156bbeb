import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { Node } from '../common/node.type';

@ObjectType({
  implements: Node,
  description:
    "A fact-checker's verdict on a claim; maps one to one onto schema.org ClaimReview (see Claim.claimReview).",
})
export class Review extends Node {
  @Field(() => Int, { description: 'Rating from 1 (false) to 5 (true): schema.org reviewRating.ratingValue.' })
  rating!: number;

  @Field({ description: 'The verdict in words, e.g. "Mostly true": schema.org reviewRating.alternateName.' })
  ratingLabel!: string;

  @Field({ description: 'Why the reviewer reached the verdict.' })
  explanation!: string;

  @Field({ description: "Who reviewed the claim (the name of the reviewer's token)." })
  reviewer!: string;

  @Field(() => LocalDateResolver, { description: 'When the review was published.' })
  datePublished!: string;

  @Field(() => String, { nullable: true, description: 'Where the review is published, if anywhere.' })
  url!: string | null;
}
