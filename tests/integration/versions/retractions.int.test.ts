import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { insertClaim, insertSource } from '../../support/test-graph';

/** Retractions of claims and sources: the mark, where it shows, and what stays readable (issue #17). */
const PREFIX = 'test-retractions-';
const SOURCE = `${PREFIX}source`;
const CLAIM = `${PREFIX}claim`;
const sourceId = toGlobalId('Source', SOURCE);
const claimId = toGlobalId('Claim', CLAIM);
const WORD = 'Quuxomatic';

const RETRACT_CLAIM = `mutation R($input: RetractClaimInput!) {
  retractClaim(input: $input) { id version retracted { date reason agent evidence recordedAt } } }`;
const RETRACT_SOURCE = `mutation S($input: RetractSourceInput!) {
  retractSource(input: $input) { id retracted { date reason agent evidence } } }`;
const EVERYWHERE = `query E($claim: ID!, $source: ID!, $word: String!) {
  claim(id: $claim) {
    retracted { reason }
    history { version reason changes { field } }
    reviews { explanation }
    lineage { claim { retracted { reason } } source { retracted { reason } } }
  }
  claims(filter: { source: $source }) { edges { node { id retracted { reason } } } }
  search(query: $word, first: 5) { node { id ... on Claim { retracted { reason } } } }
}`;

interface Everywhere {
  claim: {
    retracted: { reason: string } | null;
    history: { version: number; reason: string | null; changes: { field: string }[] }[];
    reviews: { explanation: string }[];
    lineage: { claim: { retracted: { reason: string } | null }; source: { retracted: { reason: string } | null } };
  };
  claims: { edges: { node: { id: string; retracted: { reason: string } | null } }[] };
  search: { node: { id: string; retracted?: { reason: string } | null } }[];
}

async function cleanUp(server: TestServer): Promise<void> {
  await server.db.driver.executeQuery('MATCH (r:Review)--(c:Claim) WHERE c.id STARTS WITH $prefix DETACH DELETE r', {
    prefix: PREFIX,
  });
  await deleteTestNodes(server.db.driver, PREFIX);
}

describe('retractions', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await cleanUp(server);
    await server.close();
  });

  beforeEach(async () => {
    await cleanUp(server);
    await insertSource(server.db.driver, { id: SOURCE, publishedDate: '2025-01-20' });
    await insertClaim(server.db.driver, { id: CLAIM, sourceId: SOURCE, text: `${WORD} sales doubled last year.` });
  });

  const everywhere = async () =>
    dataOf(await server.graphql<Everywhere>(EVERYWHERE, { claim: claimId, source: sourceId, word: WORD }));

  it('a retracted claim stays, marked in the claim, lineage, lists and search; its reviews stay readable', async () => {
    dataOf(
      await server.graphql(
        `mutation V($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }`,
        { input: { claim: claimId, rating: 2, explanation: 'Sales rose by a third, not doubled.' } },
        { token: REVIEWER_TOKEN },
      ),
    );
    const before = await everywhere();
    expect(before.claim.retracted).toBeNull();
    const retracted = await server.graphql<{
      retractClaim: { version: number; retracted: { date: string; reason: string; agent: string; evidence: string } };
    }>(
      RETRACT_CLAIM,
      {
        input: {
          claim: claimId,
          reason: 'The speaker withdrew the figure the next day.',
          date: '2025-01-21',
          evidence: 'https://news.example/withdrawn',
        },
      },
      { token: EDITOR_TOKEN },
    );
    expect(dataOf(retracted).retractClaim).toMatchObject({
      version: 2,
      retracted: {
        date: '2025-01-21',
        reason: 'The speaker withdrew the figure the next day.',
        agent: 'dev-editor',
        evidence: 'https://news.example/withdrawn',
      },
    });
    const after = await everywhere();
    const mark = { reason: 'The speaker withdrew the figure the next day.' };
    expect(after.claim.retracted).toEqual(mark);
    expect(after.claim.lineage.claim.retracted).toEqual(mark);
    expect(after.claims.edges).toEqual([{ node: { id: claimId, retracted: mark } }]);
    expect(after.search.find((result) => result.node.id === claimId)?.node.retracted).toEqual(mark);
    expect(after.claim.reviews).toEqual([{ explanation: 'Sales rose by a third, not doubled.' }]);
    expect(after.claim.history[0]).toMatchObject({ version: 2, reason: mark.reason });
    expect(after.claim.history[0]!.changes.map((change) => change.field)).toContain('retractionReason');
  });

  it('refuses a retraction without a reason, of a missing claim, dated in the future or twice, writing nothing', async () => {
    const before = await graphCounts(server.db.driver);
    const retract = (input: Record<string, unknown>) =>
      server.graphql(
        RETRACT_CLAIM,
        { input: { claim: claimId, reason: 'Withdrawn.', ...input } },
        { token: EDITOR_TOKEN },
      );
    expect(codeOf(await retract({ reason: ' ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.graphql(RETRACT_CLAIM, { input: { claim: claimId } }, { token: EDITOR_TOKEN }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await retract({ claim: toGlobalId('Claim', `${PREFIX}none`) }))).toBe('NOT_FOUND');
    expect(codeOf(await retract({ date: '2999-01-01' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await retract({ evidence: 'not a url' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.graphql(RETRACT_CLAIM, { input: { claim: claimId, reason: 'x' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await graphCounts(server.db.driver)).toEqual(before);
    expect((await everywhere()).claim.retracted).toBeNull();
    dataOf(await retract({}));
    expect(codeOf(await retract({ reason: 'Again.' }))).toBe('FAILED_PRECONDITION');
    expect((await everywhere()).claim.history.map((entry) => entry.version)).toEqual([2, 1]);
  });

  it('a retracted source stays with its claims, marked in the lineage', async () => {
    const retract = (input: Record<string, unknown>) =>
      server.graphql<{ retractSource: { id: string; retracted: { date: string; reason: string; agent: string } } }>(
        RETRACT_SOURCE,
        { input: { source: sourceId, reason: 'The publisher retracted the article.', ...input } },
        { token: EDITOR_TOKEN },
      );
    const before = await graphCounts(server.db.driver);
    expect(codeOf(await retract({ reason: '' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await retract({ source: toGlobalId('Source', `${PREFIX}none`) }))).toBe('NOT_FOUND');
    expect(await graphCounts(server.db.driver)).toEqual(before);
    const retracted = dataOf(await retract({ date: '2025-02-01' }));
    expect(retracted.retractSource).toMatchObject({
      id: sourceId,
      retracted: { date: '2025-02-01', reason: 'The publisher retracted the article.', agent: 'dev-editor' },
    });
    expect(await graphCounts(server.db.driver)).toEqual(before);
    const after = await everywhere();
    expect(after.claim.lineage.source.retracted).toEqual({ reason: 'The publisher retracted the article.' });
    expect(after.claims.edges).toHaveLength(1);
    expect(codeOf(await retract({}))).toBe('FAILED_PRECONDITION');
  });
});
