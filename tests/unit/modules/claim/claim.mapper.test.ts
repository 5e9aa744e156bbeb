import { int } from 'neo4j-driver';

import { mapClaim, mapQuote } from '../../../../src/modules/claim/claim.mapper';

const stored = {
  id: 'test-claim-1',
  text: 'There were about 2.4 NEVs for every charging station.',
  kind: 'statistic',
  attribution: 'direct-quote',
  quote: '约2.4辆新能源车对应一个充电桩',
  quoteStart: 120,
  quoteEnd: 135,
  quotePrefix: '“',
  quoteSuffix: '”',
};

describe('mapClaim', () => {
  it('maps the stored id to key, with the quote anchor (the source is a relationship, not a property)', () => {
    expect(mapClaim(stored)).toEqual({
      label: 'Claim',
      key: 'test-claim-1',
      text: 'There were about 2.4 NEVs for every charging station.',
      kind: 'statistic',
      attribution: 'direct-quote',
      quote: { exact: '约2.4辆新能源车对应一个充电桩', start: 120, end: 135, prefix: '“', suffix: '”' },
      version: 1,
      retracted: null,
    });
  });

  it('turns neo4j Integer offsets into numbers', () => {
    const quote = mapQuote({ ...stored, quoteStart: int(120), quoteEnd: int(135) });
    expect(quote.start).toBe(120);
    expect(quote.end).toBe(135);
  });
});
