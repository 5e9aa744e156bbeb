import { Date as Neo4jDate } from 'neo4j-driver';

import { claimChanges, figureChanges } from '../../../../src/modules/history/corrections';
import { checkAsOf, historyOf, storedAt } from '../../../../src/modules/history/history.reads';
import type { LockedNode } from '../../../../src/modules/history/history.repository';

const figure: LockedNode = {
  live: {
    id: 'test-figure',
    name: '≈ 2.4 vehicles per charger (2024)',
    kind: 'observation',
    decimal: '2.4',
    value: 2.4,
    unit: 'vehicles per charger',
    qualifier: 'about',
    periodLabel: '2024',
    periodStart: new Neo4jDate(2024, 1, 1),
    periodEnd: new Neo4jDate(2024, 12, 31),
    periodExpression: '2024',
  },
  firstRecordedAt: null,
  facts: {
    metricKey: 'test-metric',
    metricUnit: 'vehicles per charger',
    inputDecimals: [],
    publishedDate: '2025-01-20',
  },
};

const codeOf = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('figure corrections', () => {
  it('sets the value as written, its float and a new caption', () => {
    expect(figureChanges({ value: '2.50' })(figure)).toEqual({
      decimal: '2.50',
      value: 2.5,
      name: '≈ 2.5 vehicles per charger (2024)',
    });
  });

  it('resolves a relative period against the publication date', () => {
    const changes = figureChanges({ period: 'last year', qualifier: 'exact' })(figure);
    // The label is unchanged (2024 either way), so the version records only what differs.
    expect(changes).toMatchObject({ periodExpression: 'last year', periodRelative: true });
    expect(changes).not.toHaveProperty('periodLabel');
    expect(String(changes.periodStart)).toBe('2024-01-01');
    expect(changes.name).toBe('2.4 vehicles per charger (2024)');
  });

  it('refuses values not written out, unknown periods, a derived value that does not add up, and no change', () => {
    expect(codeOf(() => figureChanges({ value: '2.4e0' })(figure))).toMatchObject({ field: 'input.value' });
    expect(codeOf(() => figureChanges({ period: 'soon' })(figure))).toMatchObject({ field: 'input.period' });
    expect(codeOf(() => figureChanges({ value: '2.4' })(figure))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const derived: LockedNode = {
      ...figure,
      live: { ...figure.live, kind: 'derived', operation: 'ratio' },
      facts: { ...figure.facts, inputDecimals: ['24', '10'] },
    };
    expect(figureChanges({ value: '2.40' })(derived)).toMatchObject({ decimal: '2.40' });
    expect(codeOf(() => figureChanges({ value: '2.5' })(derived))).toMatchObject({ field: 'input.value' });
  });
});

describe('claim corrections', () => {
  it('renames the claim with its text and keeps only what differs', () => {
    const claim: LockedNode = {
      live: { text: 'Old.', name: 'Old.', kind: 'statistic' },
      firstRecordedAt: null,
      facts: {},
    };
    expect(claimChanges({ text: 'New.', kind: 'statistic' })(claim)).toEqual({ text: 'New.', name: 'New.' });
    expect(codeOf(() => claimChanges({ kind: 'statistic' })(claim))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('as-of reads', () => {
  it('refuses the future and moments before the first write', () => {
    expect(codeOf(() => checkAsOf(new Date('2030-01-01'), new Date('2026-01-01')))).toMatchObject({ field: 'asOf' });
    const never = { revision: null, revised: false, firstRecordedAt: '2026-01-05T10:00:00Z' };
    expect(codeOf(() => storedAt('Figure', '2026-01-01T00:00:00Z', never))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(storedAt('Figure', '2026-02-01T00:00:00Z', never)).toBeNull();
    const beforeFirst = { revision: null, revised: true, firstRecordedAt: null };
    expect(codeOf(() => storedAt('Claim', '2026-01-01T00:00:00Z', beforeFirst))).toMatchObject({ field: 'asOf' });
  });

  it('answers a revision as the node it copied, with the live id and without the revision meta', () => {
    const revision = {
      id: 'f@2',
      subjectId: 'f',
      subjectLabel: 'Figure',
      version: 2,
      reason: 'r',
      agent: 'a',
      decimal: '3',
    };
    expect(storedAt('Figure', '2026-02-01T00:00:00Z', { revision, revised: true, firstRecordedAt: null })).toEqual({
      id: 'f',
      version: 2,
      decimal: '3',
    });
  });

  it('lists version 1 for a node never changed', () => {
    expect(historyOf([]).map((entry) => entry.version)).toEqual([1]);
  });
});
