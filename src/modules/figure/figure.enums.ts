import { registerEnumType } from 'type-graphql';

/** GraphQL enums of the figure model of issue #14, over the values stored in Neo4j. */
export enum FigureKind {
  OBSERVATION = 'observation',
  FORECAST = 'forecast',
  ESTIMATE = 'estimate',
  DERIVED = 'derived',
}

export enum ChangeType {
  ABSOLUTE = 'absolute',
  PERCENT = 'percent',
  PERCENTAGE_POINTS = 'percentage-points',
}

export enum DerivationOperation {
  RATIO = 'ratio',
  DIFFERENCE = 'difference',
  SUM = 'sum',
  PRODUCT = 'product',
  PERCENT_CHANGE = 'percent-change',
}

registerEnumType(FigureKind, {
  name: 'FigureKind',
  description: 'What a figure is: measured, expected, estimated, or computed from other figures.',
  valuesConfig: {
    OBSERVATION: { description: 'A measured value (the default).' },
    FORECAST: { description: 'An expected future value.' },
    ESTIMATE: { description: 'An approximate value someone worked out.' },
    DERIVED: { description: 'Computed from other figures (see derivation).' },
  },
});
registerEnumType(ChangeType, {
  name: 'ChangeType',
  description: 'How a change figure changes its level: by an amount, by a percentage, or in percentage points.',
});
registerEnumType(DerivationOperation, {
  name: 'DerivationOperation',
  description: 'How a derived figure is computed from its inputs, in order (ratio: first / second).',
});
