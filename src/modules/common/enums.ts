import { registerEnumType } from 'type-graphql';

/**
 * GraphQL enums over the lower-case values stored in Neo4j: clients see CONSTANT_CASE names,
 * resolvers and repositories handle the stored strings.
 */
export enum ClaimKind {
  STATISTIC = 'statistic',
  FORECAST = 'forecast',
  OPINION = 'opinion',
  RECOMMENDATION = 'recommendation',
  CAUSAL = 'causal',
  ASSESSMENT = 'assessment',
  BIOGRAPHICAL = 'biographical',
}

export enum Attribution {
  DIRECT_QUOTE = 'direct-quote',
  PARAPHRASE = 'paraphrase',
  NARRATION = 'narration',
}

export enum Qualifier {
  EXACT = 'exact',
  ABOUT = 'about',
  OVER = 'over',
  EXCEEDING = 'exceeding',
  UNDER = 'under',
  AT_LEAST = 'at-least',
  AT_MOST = 'at-most',
}

export enum Comparator {
  GT = 'gt',
  GTE = 'gte',
  LT = 'lt',
  LTE = 'lte',
  EQ = 'eq',
}

export enum RoleStatus {
  CURRENT = 'current',
  FORMER = 'former',
}

export enum Stance {
  SUPPORTS = 'SUPPORTS',
  CONTRADICTS = 'CONTRADICTS',
}

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
