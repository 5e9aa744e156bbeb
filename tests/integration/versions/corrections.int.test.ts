import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { insertClaim, insertFigure, insertMetric, insertSource } from '../../support/test-graph';

/** Corrections of claims and figures: versions, conflicts, races, history and asOf reads (issue #17). */
const PREFIX = 'test-versions-';
const SOURCE = `${PREFIX}source`;
const METRIC = `${PREFIX}metric`;
const FIGURE = `${PREFIX}figure`;
const CLAIM = `${PREFIX}claim`;
const figureId = toGlobalId('Figure', FIGURE);
const claimId = toGlobalId('Claim', CLAIM);
const INGESTED_AT = '2026-01-05T10:00:00Z';

const CORRECT_CLAIM = `mutation C($input: CorrectClaimInput!) {
  correctClaim(input: $input) { id text kind version } }`;
const CORRECT_FIGURE = `mutation F($input: CorrectFigureInput!) {
  correctFigure(input: $input) { id name value decimal qualifier version period { label start end } } }`;
const FIGURE_STATE = `query S($id: ID!, $asOf: DateTime) {
  figure(id: $id, asOf: $asOf) { value decimal name version } }`;
const HISTORY = `query H($claim: ID!, $figure: ID!) {
  claim(id: $claim) { version history { version recordedAt agent agentRole reason changes { field value } } }
  figure(id: $figure) { version history { version agent reason changes { field value } } } }`;

interface FigureState {
  value: number;
  decimal: string;
  name: string;
  version: number;
}

/** Reviews get ids of their own: they are removed through the test claims they review. */
async function cleanUp(server: TestServer): Promise<void> {
  await server.db.driver.executeQuery('MATCH (r:Review)--(c:Claim) WHERE c.id STARTS WITH $prefix DETACH DELETE r', {
    prefix: PREFIX,
  });
  await server.db.driver.executeQuery('MATCH (e:OutboxEvent) WHERE e.claimKey STARTS WITH $prefix DELETE e', {
    prefix: PREFIX,
  });
  await deleteTestNodes(server.db.driver, PREFIX);
}

describe('corrections of claims and figures', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await cleanUp(server);
    await server.close();
  });

  beforeEach(async () => {
    const { driver } = server.db;
    await cleanUp(server);
    await insertSource(driver, { id: SOURCE, publishedDate: '2025-01-20' });
    await driver.executeQuery('MATCH (s:Source {id: $id}) SET s.ingestedAt = datetime($at)', {
      id: SOURCE,
      at: INGESTED_AT,
    });
    await insertMetric(driver, { id: METRIC, name: 'Test chargers', unit: 'vehicles per charger' });
    await insertFigure(driver, {
      id: FIGURE,
      sourceId: SOURCE,
      metricId: METRIC,
      decimal: '2.4',
      unit: 'vehicles per charger',
      qualifier: 'about',
      period: '2024',
    });
    await insertClaim(driver, { id: CLAIM, sourceId: SOURCE, figureIds: [FIGURE] });
  });

  const correctFigure = (input: Record<string, unknown>, token = EDITOR_TOKEN) =>
    server.graphql<{ correctFigure: FigureState & { qualifier: string } }>(
      CORRECT_FIGURE,
      { input: { figure: figureId, reason: 'The source corrected its table.', ...input } },
      { token },
    );

  it('a claim correction is a new version with its reason and agent; the old one stays in history', async () => {
    const corrected = await server.graphql<{ correctClaim: { text: string; kind: string; version: number } }>(
      CORRECT_CLAIM,
      { input: { claim: claimId, expectedVersion: 1, reason: 'Misquoted the year.', text: 'Sales fell.' } },
      { token: EDITOR_TOKEN },
    );
    expect(dataOf(corrected).correctClaim).toEqual({ id: claimId, text: 'Sales fell.', kind: 'STATISTIC', version: 2 });
    const history = dataOf(
      await server.graphql<{
        claim: {
          version: number;
          history: {
            version: number;
            recordedAt: string | null;
            agent: string;
            agentRole: string;
            reason: string;
            changes: { field: string; value: string }[];
          }[];
        };
      }>(HISTORY, { claim: claimId, figure: figureId }),
    );
    expect(history.claim.version).toBe(2);
    expect(history.claim.history.map((entry) => entry.version)).toEqual([2, 1]);
    const [latest, first] = history.claim.history;
    expect(latest).toMatchObject({ agent: 'dev-editor', agentRole: 'editor', reason: 'Misquoted the year.' });
    expect(latest!.changes).toEqual([
      { field: 'name', value: 'Sales fell.' },
      { field: 'text', value: 'Sales fell.' },
    ]);
    expect(first).toMatchObject({ agent: 'ingestion', reason: null, changes: [] });
    expect(new Date(first!.recordedAt!).toISOString()).toBe(new Date(INGESTED_AT).toISOString());
  });

  it('a figure correction follows the figure rules and renames the figure; history lists both versions', async () => {
    const corrected = dataOf(await correctFigure({ expectedVersion: 1, value: '2.5', qualifier: 'EXACT' }));
    expect(corrected.correctFigure).toMatchObject({
      value: 2.5,
      decimal: '2.5',
      qualifier: 'EXACT',
      version: 2,
      name: '2.5 vehicles per charger (2024)',
    });
    const period = dataOf(await correctFigure({ expectedVersion: 2, period: 'last year' }));
    expect(period.correctFigure).toMatchObject({ version: 3, period: { label: '2024', start: '2024-01-01' } });
    const history = dataOf(
      await server.graphql<{ figure: { history: { version: number; changes: { field: string }[] }[] } }>(HISTORY, {
        claim: claimId,
        figure: figureId,
      }),
    );
    expect(history.figure.history.map((entry) => entry.version)).toEqual([3, 2, 1]);
    // Each correction told the subscribers of the claim citing the figure, in commit order.
    const { records } = await server.db.driver.executeQuery(
      'MATCH (e:OutboxEvent {claimKey: $claim}) RETURN e.kind AS kind, e.subjectKey AS subject ORDER BY e.seq',
      { claim: CLAIM },
    );
    expect(records.map((record) => [record.get('kind'), record.get('subject')])).toEqual([
      ['FIGURE_CORRECTED', FIGURE],
      ['FIGURE_CORRECTED', FIGURE],
    ]);
    expect(history.figure.history[1]!.changes.map((change) => change.field)).toEqual([
      'decimal',
      'name',
      'qualifier',
      'value',
    ]);
  });

  it('refuses a stale version (CONFLICT naming the current one), a missing reason, bad values and unknown ids, writing nothing', async () => {
    dataOf(await correctFigure({ expectedVersion: 1, value: '2.5' }));
    const before = await graphCounts(server.db.driver);
    const stale = await correctFigure({ expectedVersion: 1, value: '2.6' });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('version 2');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
    expect(codeOf(await correctFigure({ expectedVersion: 2, value: '2.6', reason: '  ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await correctFigure({ expectedVersion: 2, value: '2,6' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await correctFigure({ expectedVersion: 2, period: 'sometime soon' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await correctFigure({ expectedVersion: 2, value: '2.5' }))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await correctFigure({ expectedVersion: 1, value: '2.6', figure: toGlobalId('Figure', `${PREFIX}none`) })),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await server.graphql(CORRECT_FIGURE, {
          input: { figure: figureId, expectedVersion: 2, reason: 'x', value: '3' },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(await graphCounts(server.db.driver)).toEqual(before);
    const state = dataOf(await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId }));
    expect(state.figure).toMatchObject({ decimal: '2.5', version: 2 });
    const lock = await server.db.driver.executeQuery('MATCH (f:Figure {id: $id}) RETURN f._lock AS lock', {
      id: FIGURE,
    });
    expect(lock.records[0]?.get('lock')).toBeNull();
  });

  it('two racing correctors on one version: exactly one wins, the other gets CONFLICT', async () => {
    const results = await Promise.all([
      correctFigure({ expectedVersion: 1, value: '2.6' }),
      correctFigure({ expectedVersion: 1, value: '2.7' }),
    ]);
    const codes = results.map((result) => codeOf(result) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((result) => !result.errors)!.data!.correctFigure;
    const state = dataOf(await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId }));
    expect(state.figure).toMatchObject({ version: 2, decimal: winner.decimal });
  });

  it('N concurrent correctors that retry on CONFLICT lose no update: the version rises by N', async () => {
    const N = 8;
    const values = Array.from({ length: N }, (_, index) => `3.${index + 1}`);
    let conflicts = 0;
    async function correctWithRetry(value: string): Promise<void> {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const read = dataOf(await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId }));
        const result = await correctFigure({ expectedVersion: read.figure.version, value });
        if (!result.errors) return;
        if (codeOf(result) !== 'CONFLICT') throw new Error(JSON.stringify(result.errors));
        conflicts += 1;
      }
      throw new Error(`no correction of ${value} got through`);
    }
    await Promise.all(values.map(correctWithRetry));
    const state = dataOf(await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId }));
    expect(state.figure.version).toBe(1 + N);
    const { records } = await server.db.driver.executeQuery(
      'MATCH (r:Revision {subjectId: $id}) RETURN r.version AS version, r.decimal AS decimal ORDER BY version',
      { id: FIGURE },
    );
    expect(records.map((record) => record.get('version'))).toEqual(Array.from({ length: N + 1 }, (_, i) => i + 1));
    // Every corrector's value was recorded exactly once: no update was lost or applied twice.
    expect(
      records
        .slice(1)
        .map((record) => record.get('decimal') as string)
        .sort(),
    ).toEqual([...values].sort());
    expect(records.at(-1)?.get('decimal')).toBe(state.figure.decimal);
    // Eight writers on one figure cannot all read the version before another commits.
    expect(conflicts).toBeGreaterThan(0);
  });

  it('a verdict published before a correction reads, asOf its time, the figure value it was based on', async () => {
    const review = await server.graphql(
      `mutation R($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }`,
      { input: { claim: claimId, rating: 4, explanation: 'The ratio was 2.4.', evidence: [figureId] } },
      { token: REVIEWER_TOKEN },
    );
    dataOf(review);
    const verdictTime = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    dataOf(await correctFigure({ expectedVersion: 1, value: '3.1' }));
    const then = dataOf(
      await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId, asOf: verdictTime }),
    );
    expect(then.figure).toMatchObject({ decimal: '2.4', value: 2.4, version: 1 });
    const now = dataOf(await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId }));
    expect(now.figure).toMatchObject({ decimal: '3.1', version: 2 });
    const claimThen = await server.graphql<{ claim: { version: number } }>(
      `query Q($id: ID!, $asOf: DateTime) { claim(id: $id, asOf: $asOf) { version } }`,
      { id: claimId, asOf: verdictTime },
    );
    expect(dataOf(claimThen).claim.version).toBe(1);
  });

  it('refuses an asOf in the future or before the first write', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(codeOf(await server.graphql(FIGURE_STATE, { id: figureId, asOf: future }))).toBe('BAD_USER_INPUT');
    // Never corrected: the live node, written at INGESTED_AT.
    expect(codeOf(await server.graphql(FIGURE_STATE, { id: figureId, asOf: '2025-12-31T00:00:00Z' }))).toBe(
      'BAD_USER_INPUT',
    );
    dataOf(await correctFigure({ expectedVersion: 1, value: '3.1' }));
    // Corrected: version 1 is recorded at INGESTED_AT.
    expect(codeOf(await server.graphql(FIGURE_STATE, { id: figureId, asOf: '2025-12-31T00:00:00Z' }))).toBe(
      'BAD_USER_INPUT',
    );
    const atIngestion = dataOf(
      await server.graphql<{ figure: FigureState }>(FIGURE_STATE, { id: figureId, asOf: '2026-01-05T10:00:01Z' }),
    );
    expect(atIngestion.figure.decimal).toBe('2.4');
  });
});
