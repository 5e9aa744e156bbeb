import { Directive, Field, Int, ObjectType } from 'type-graphql';

import { Attribution, ClaimKind } from '../common/enums';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { Retraction } from '../history/history.type';
import type { ClaimData } from './claim.mapper';

@ObjectType({
  description:
    'Words of a source, anchored like a W3C Web Annotation (TextQuoteSelector + TextPositionSelector). ' +
    'Offsets count Unicode code points; the source text sliced at [start, end) equals `exact`.',
})
export class TextQuote {
  @Field({ description: 'The exact words, character for character.' })
  exact!: string;

  @Field(() => Int, { description: 'Start offset in the source text, in Unicode code points.' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive), in Unicode code points.' })
  end!: number;

  @Field({ description: 'Up to 32 code points of text just before the quote.' })
  prefix!: string;

  @Field({ description: 'Up to 32 code points of text just after the quote.' })
  suffix!: string;
}

// A federation entity: other subgraphs refer to it by its global id (src/federation.ts).
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  description: 'A statement made in a source, with who made it, where, and what it rests on.',
})
export class Claim extends Node {
  @Field({ description: 'The claim as a normalized, self-contained statement.' })
  text!: string;

  @Field(() => ClaimKind, { description: 'What sort of statement it is.' })
  kind!: ClaimKind;

  @Field(() => Attribution, { description: "Direct quote, paraphrase, or the outlet's own narration." })
  attribution!: Attribution;

  @Field(() => TextQuote, { description: 'The exact words in the source that make the claim, with their offsets.' })
  quote!: TextQuote;

  @Field(() => Int, { description: 'The current version: 1 until the first correction (see `history`).' })
  version!: number;

  @Field(() => Retraction, {
    nullable: true,
    description: 'Set when the speaker withdrew the claim; it stays in the graph with this mark. Null otherwise.',
  })
  retracted!: Retraction | null;
}

export const ClaimConnection = ConnectionType<ClaimData>(Claim);
