import { randomUUID } from 'node:crypto';

import type { Client } from 'graphql-ws';

import { seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { LIMITS } from '../../../src/server';
import { ADD_SOURCE, decodeGlobalId, sourceInput } from '../../support/api';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { EDITOR_TOKEN, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { subscribe, wsClient } from '../../support/subscriptions';

/**
 * Live updates: subscriptions over graphql-ws fed by the outbox, which each write appends to in
 * its own transaction. Same auth, limits and masking as over HTTP; resume by sequence.
 */

const CLAIM_UPDATED = `subscription Watch($claim: ID!, $after: Int) {
  claimUpdated(claim: $claim, after: $after) { sequence kind writtenAt review { id rating } claim { id reviews { id } evidence { stance } } }
}`;
const CLAIM_ADDED = `subscription New($filter: NewClaimFilterInput) {
  claimAdded(filter: $filter) { sequence kind claim { id text speaker { name } } }
}`;
const REVIEW = `mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }`;
const ADD_CLAIM = `mutation ($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
const LINK = `mutation ($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id } }`;
const CORRECT = `mutation ($input: CorrectClaimInput!) { correctClaim(input: $input) { id version } }`;
const RETRACT = `mutation ($input: RetractClaimInput!) { retractClaim(input: $input) { id } }`;
const WATCH_TEXT = `subscription Watch($claim: ID!) { claimUpdated(claim: $claim) { sequence kind claim { text } } }`;

interface Event {
  sequence: number;
  kind: string;
  review: { id: string; rating: number } | null;
  claim: { id: string; reviews: { id: string }[]; evidence: { stance: string }[] };
}

describe('subscriptions', () => {
  let server: TestServer;
  let data: SeedData;
  const clients: Client[] = [];
  const createdReviews: string[] = [];
  const createdSources: string[] = [];
  let claim: string;

  const client = (token?: string) => {
    const created = wsClient(server.url, token);
    clients.push(created);
    return created;
  };

  async function review(rating: number, claimId = claim): Promise<string> {
    const response = await server.graphql<{ reviewClaim: { id: string } }>(
      REVIEW,
      { input: { claim: claimId, rating, explanation: `Test review ${rating}: checked against the annual series.` } },
      { token: REVIEWER_TOKEN },
    );
    const id = response.data!.reviewClaim.id;
    createdReviews.push(id);
    return id;
  }

  /** A new source of the test's own (removed after the tests); its global id. */
  async function addTestSource(marker: string): Promise<string> {
    const source = await server.graphql<{ addSource: { id: string } }>(
      ADD_SOURCE,
      { input: sourceInput(marker) },
      { token: EDITOR_TOKEN },
    );
    const sourceId = source.data!.addSource.id;
    createdSources.push(decodeGlobalId(sourceId).key);
    return sourceId;
  }

  /** Miao Wei's opinion about reading your writes, added to a test source. */
  function addOpinion(sourceId: string) {
    return server.graphql<{ addClaim: { id: string } }>(
      ADD_CLAIM,
      {
        input: {
          source: sourceId,
          text: 'Reading your own writes matters to editors.',
          kind: 'OPINION',
          attribution: 'PARAPHRASE',
          speaker: toGlobalId('Person', 'miao-wei'),
          quote: 'read your writes',
        },
      },
      { token: EDITOR_TOKEN },
    );
  }

  async function latestSequence(): Promise<number> {
    const { records } = await server.db.driver.executeQuery(
      "OPTIONAL MATCH (s:OutboxSequence {id: 'outbox'}) RETURN coalesce(s.value, 0) AS seq",
    );
    return records[0]!.get('seq') as number;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
    claim = data.claimGid('consumer-acceptance-surging');
  });
  afterAll(async () => {
    await Promise.all(clients.map((each) => each.dispose()));
    const reviewKeys = createdReviews.map((id) => decodeGlobalId(id).key);
    await server.db.driver.executeQuery('MATCH (r:Review) WHERE r.id IN $reviewKeys DETACH DELETE r', { reviewKeys });
    await server.db.driver.executeQuery(
      `MATCH (n) WHERE (n:Source AND n.id IN $sources) OR (n:Claim AND any(source IN $sources WHERE n.id STARTS WITH source + '/'))
          OR (n:OutboxEvent AND (n.sourceKey IN $sources OR any(source IN $sources WHERE n.claimKey STARTS WITH source + '/')))
          OR (n:Revision AND any(source IN $sources WHERE n.subjectId STARTS WITH source + '/')) DETACH DELETE n`,
      { sources: createdSources },
    );
    await server.db.driver.executeQuery(
      "MATCH (c:Claim)-[r:SUPPORTS|CONTRADICTS {origin: 'api'}]->(:Claim) WHERE r.note STARTS WITH 'Test link' DELETE r",
    );
    await server.close();
  });

  it("delivers a claim's new review and new evidence, with the claim as it is now", async () => {
    const watch = subscribe<{ claimUpdated: Event }>(client(), CLAIM_UPDATED, { claim });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is registered
    const reviewId = await review(4);
    await server.graphql(
      LINK,
      {
        input: {
          claim,
          evidence: data.claimGid('china-nev-industry-booming'),
          stance: 'SUPPORTS',
          note: 'Test link: sales back acceptance.',
        },
      },
      { token: EDITOR_TOKEN },
    );
    const [first, second] = await watch.waitFor(2);
    expect(first!.data!.claimUpdated).toMatchObject({ kind: 'REVIEW_ADDED', review: { id: reviewId, rating: 4 } });
    expect(first!.data!.claimUpdated.claim.reviews.map((each) => each.id)).toContain(reviewId);
    expect(second!.data!.claimUpdated.kind).toBe('EVIDENCE_LINKED');
    expect(second!.data!.claimUpdated.claim.evidence.map((each) => each.stance)).toContain('SUPPORTS');
    expect(second!.data!.claimUpdated.sequence).toBe(first!.data!.claimUpdated.sequence + 1);
    await watch.close();
  });

  it('delivers new claims that match the filter, and not those that do not', async () => {
    const marker = randomUUID();
    const sourceId = await addTestSource(marker);
    const matching = subscribe<{ claimAdded: { kind: string; claim: { id: string; text: string } } }>(
      client(),
      CLAIM_ADDED,
      { filter: { source: sourceId, kinds: ['OPINION'] } },
    );
    const other = subscribe(client(), CLAIM_ADDED, { filter: { source: sourceId, kinds: ['FORECAST'] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const added = await addOpinion(sourceId);
    const [event] = await matching.waitFor(1);
    expect(event!.data!.claimAdded).toMatchObject({ kind: 'CLAIM_ADDED', claim: { id: added.data!.addClaim.id } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.received).toEqual([]);
  });

  it("delivers a claim's corrections and its retraction, from the write's own transaction", async () => {
    const sourceId = await addTestSource(randomUUID());
    const added = await addOpinion(sourceId);
    const claimId = added.data!.addClaim.id;
    const watch = subscribe<{ claimUpdated: { sequence: number; kind: string; claim: { text: string } } }>(
      client(),
      WATCH_TEXT,
      { claim: claimId },
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is registered
    const text = 'Reading your own writes matters to every editor.';
    const corrected = await server.graphql(
      CORRECT,
      { input: { claim: claimId, expectedVersion: 1, reason: 'Test: the speaker meant every editor.', text } },
      { token: EDITOR_TOKEN },
    );
    expect(corrected.errors).toBeUndefined();
    // A refused correction (a stale version) is not announced: its transaction rolled back.
    const stale = await server.graphql(
      CORRECT,
      { input: { claim: claimId, expectedVersion: 1, reason: 'Test: a stale correction.', text: 'Never stored.' } },
      { token: EDITOR_TOKEN },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const retracted = await server.graphql(
      RETRACT,
      { input: { claim: claimId, reason: 'Test: withdrawn by the speaker.' } },
      { token: EDITOR_TOKEN },
    );
    expect(retracted.errors).toBeUndefined();
    const [correction, retraction] = await watch.waitFor(2);
    expect(correction!.data!.claimUpdated).toMatchObject({ kind: 'CLAIM_CORRECTED', claim: { text } });
    expect(retraction!.data!.claimUpdated.kind).toBe('CLAIM_RETRACTED');
    expect(retraction!.data!.claimUpdated.sequence).toBe(correction!.data!.claimUpdated.sequence + 1);
    await watch.close();
  });

  it('resumes after the last sequence seen: missed events are replayed in order, then live ones follow', async () => {
    const first = subscribe<{ claimUpdated: Event }>(client(), CLAIM_UPDATED, { claim });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await review(1);
    const [seen] = await first.waitFor(1);
    await first.close();
    const missed = [await review(2), await review(3)];

    const resumed = subscribe<{ claimUpdated: Event }>(client(), CLAIM_UPDATED, {
      claim,
      after: seen!.data!.claimUpdated.sequence,
    });
    const replayed = await resumed.waitFor(2);
    expect(replayed.map((event) => event.data!.claimUpdated.review?.id)).toEqual(missed);
    const live = await review(5);
    const [, , next] = await resumed.waitFor(3);
    expect(next!.data!.claimUpdated.review?.id).toBe(live);
    const sequences = resumed.received.map((event) => event.data!.claimUpdated.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('appends no event for a refused write (the outbox shares its transaction)', async () => {
    const before = await latestSequence();
    const refused = await server.graphql(
      REVIEW,
      { input: { claim, rating: 9, explanation: 'x' } },
      { token: REVIEWER_TOKEN },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await server.graphql(
      REVIEW,
      {
        input: { claim: toGlobalId('Claim', 'test-no-such-claim'), rating: 3, explanation: 'Test review of nothing.' },
      },
      { token: REVIEWER_TOKEN },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await latestSequence()).toBe(before);
  });

  it('refuses a bad token in connection_init and serves anonymous subscribers', async () => {
    const refused = subscribe(wsClient(server.url, 'not-a-valid-token-at-all'), CLAIM_UPDATED, { claim });
    const reason = (await refused.ended) as { code?: number };
    expect(reason.code).toBe(4403);
    const anonymous = subscribe<{ claimUpdated: Event }>(client(), CLAIM_UPDATED, { claim });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await review(3);
    expect((await anonymous.waitFor(1))[0]!.data!.claimUpdated.kind).toBe('REVIEW_ADDED');
  });

  it('applies the HTTP limits and error masking, and serves only subscriptions', async () => {
    const deep = `subscription ($claim: ID!) { claimUpdated(claim: $claim) { claim { ${'lineage { claim { '.repeat(LIMITS.maxDepth)}id${' } }'.repeat(LIMITS.maxDepth)} } } }`;
    const tooDeep = (await subscribe(client(), deep, { claim }).ended) as {
      message: string;
      extensions?: { code?: string };
    }[];
    expect(tooDeep[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

    // The cost limit reads the variables here too: a topic's claims paged by $n.
    const costly = `subscription ($claim: ID!, $n: Int) { claimUpdated(claim: $claim) { claim { topics {
      claims(first: $n) { edges { node { topics { claims(first: $n) { edges { node { id } } } } } } } } } } }`;
    const tooCostly = (await subscribe(client(), costly, { claim, n: 100 }).ended) as {
      extensions?: { code?: string; field?: string };
    }[];
    expect(tooCostly[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', field: 'Topic.claims' });

    const query = (await subscribe(client(), '{ topics { id } }').ended) as { extensions?: { code?: string } }[];
    expect(query[0]?.extensions?.code).toBe('BAD_REQUEST');

    const badId = subscribe(client(), CLAIM_UPDATED, { claim: 'not-an-id' });
    await badId.ended;
    const errors = badId.received[0]?.errors ?? [];
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(errors)).not.toMatch(/stack|MATCH|Neo4j/);
  });
});
