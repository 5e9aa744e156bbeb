import { registerEnumType } from 'type-graphql';

import {
  attributions,
  claimKinds,
  comparators,
  enumOf,
  qualifiers,
  roleStatuses,
  stances,
  type Attribution as AttributionValue,
  type ClaimKind as ClaimKindValue,
  type Comparator as ComparatorValue,
  type Qualifier as QualifierValue,
  type RoleStatus as RoleStatusValue,
  type Stance as StanceValue,
} from '../../domain/vocabulary';

/**
 * GraphQL enums over the lower-case values stored in Neo4j (src/domain/vocabulary.ts): clients
 * see CONSTANT_CASE names, resolvers and repositories handle the stored strings.
 */
export const ClaimKind = enumOf(claimKinds);
export type ClaimKind = ClaimKindValue;

export const Attribution = enumOf(attributions);
export type Attribution = AttributionValue;

export const Qualifier = enumOf(qualifiers);
export type Qualifier = QualifierValue;

export const Comparator = enumOf(comparators);
export type Comparator = ComparatorValue;

export const RoleStatus = enumOf(roleStatuses);
export type RoleStatus = RoleStatusValue;

export const Stance = enumOf(stances);
export type Stance = StanceValue;

registerEnumType(ClaimKind, {
  name: 'ClaimKind',
  description: 'What sort of statement a claim is.',
  valuesConfig: {
    STATISTIC: { description: 'States a measured number.' },
    FORECAST: { description: 'States a target or an expectation about the future.' },
    OPINION: { description: 'A view or slogan of the speaker.' },
    RECOMMENDATION: { description: 'Says what should be done.' },
    CAUSAL: { description: 'Says that one thing leads to another (see causes and effects).' },
    ASSESSMENT: { description: 'Characterises a situation without a number.' },
    BIOGRAPHICAL: { description: 'About a person: a role, a career step.' },
  },
});
registerEnumType(Attribution, {
  name: 'Attribution',
  description: 'How the source attributes the claim.',
  valuesConfig: {
    DIRECT_QUOTE: { description: "The speaker's own words in quotation marks." },
    PARAPHRASE: { description: "The speaker's view reported in the outlet's words." },
    NARRATION: { description: "The outlet's own narration; the speaker is the publisher." },
  },
});
registerEnumType(Qualifier, {
  name: 'Qualifier',
  description: 'How a figure qualifies its value ("exceeding 31 percent").',
});
registerEnumType(Comparator, {
  name: 'Comparator',
  description: 'How a target compares the metric with its threshold.',
});
registerEnumType(RoleStatus, { name: 'RoleStatus', description: 'Whether a role was held at the publication date.' });
registerEnumType(Stance, { name: 'Stance', description: 'Whether evidence supports or contradicts a claim.' });
