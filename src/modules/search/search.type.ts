import { Field, Float, ObjectType } from 'type-graphql';

import { Node } from '../common/node.type';
import type { EntityData } from '../entities';

@ObjectType({ description: 'A search hit: a claim or an entity, with its relevance.' })
export class SearchResult {
  @Field(() => Float, { description: 'Lucene relevance score; higher is more relevant. Results are ordered by it.' })
  score!: number;

  @Field(() => Node, { description: 'The claim, person, organization, metric, topic, place or source found.' })
  node!: EntityData;
}
