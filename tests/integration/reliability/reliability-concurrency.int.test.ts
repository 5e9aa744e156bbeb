import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ingestFile } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { decodeGlobalId } from '../../support/api';
import { recordReliability } from '../../support/reliability-report';
import { deleteTestSourceData, writeLargeAnnotation } from '../../support/reliability';
import { EDITOR_TOKEN, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';

/**
 * Many clients writing to the same claim at once (reviews, evidence links, the same link again and
 * again): every write the API acknowledged is there afterwards, and a repeated link is one link.
 */

const PREFIX = 'test-rel-conc';
const SOURCE = `${PREFIX}-source`;
const claimGid = (local: string) => toGlobalId('Claim', `${SOURCE}/${local}`);
const TARGET = claimGid('share-exceeded-31');

const REVIEW = 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }';
const LINK = 'mutation ($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id } }';

describe('reliability: concurrent writes on one claim', () => {
  let server: TestServer;
  let directory: string;

  beforeAll(async () => {
    server = await startTestServer();
    directory = await mkdtemp(path.join(os.tmpdir(), 'reliability-concurrency-'));
    await deleteTestSourceData(server.db.driver, PREFIX);
    await ingestFile(server.db.executor, await writeLargeAnnotation(directory, PREFIX, 40));
  });
  afterAll(async () => {
    await deleteTestSourceData(server.db.driver, PREFIX);
    await rm(directory, { recursive: true, force: true });
    await server.close();
  });

  it('keeps every acknowledged review and evidence link written by 120 concurrent requests', async () => {
    const reviews = Array.from({ length: 60 }, (_value, index) =>
      server.graphql<{ reviewClaim: { id: string } }>(
        REVIEW,
        { input: { claim: TARGET, rating: (index % 5) + 1, explanation: `Concurrent review ${index}` } },
        { token: REVIEWER_TOKEN },
      ),
    );
    const links = Array.from({ length: 40 }, (_value, index) =>
      server.graphql(
        LINK,
        {
          input: {
            claim: TARGET,
            evidence: claimGid(`gadget-${index}`),
            stance: index % 2 === 0 ? 'SUPPORTS' : 'CONTRADICTS',
            note: `link ${index}`,
          },
        },
        { token: EDITOR_TOKEN },
      ),
    );
    // The same link twenty times at once: one relationship, whichever note wins.
    const repeated = Array.from({ length: 20 }, (_value, index) =>
      server.graphql(
        LINK,
        {
          input: {
            claim: TARGET,
            evidence: claimGid('widgets-are-the-future'),
            stance: 'SUPPORTS',
            note: `again ${index}`,
          },
        },
        { token: EDITOR_TOKEN },
      ),
    );
    const [reviewed, linked, relinked] = await Promise.all([
      Promise.all(reviews),
      Promise.all(links),
      Promise.all(repeated),
    ]);
    for (const response of [...reviewed, ...linked, ...relinked]) expect(response.errors).toBeUndefined();

    const acknowledgedReviews = reviewed.map((response) => decodeGlobalId(response.data!.reviewClaim.id).key);
    const { records } = await server.db.driver.executeQuery(
      `MATCH (review:Review)-[:REVIEWS]->(:Claim {id: $claim}) WHERE review.id IN $ids RETURN count(DISTINCT review) AS count`,
      { claim: `${SOURCE}/share-exceeded-31`, ids: acknowledgedReviews },
    );
    const reviewsFound = records[0]?.get('count') as number;
    const evidence = await server.db.driver.executeQuery(
      `MATCH (from:Claim)-[r:SUPPORTS|CONTRADICTS {origin: 'api'}]->(:Claim {id: $claim})
       RETURN from.id AS from, type(r) AS stance, count(*) AS copies`,
      { claim: `${SOURCE}/share-exceeded-31` },
    );
    const found = new Map(
      evidence.records.map((record) => [
        `${record.get('from') as string} ${record.get('stance') as string}`,
        record.get('copies') as number,
      ]),
    );
    const expectedLinks = Array.from(
      { length: 40 },
      (_value, index) => `${SOURCE}/gadget-${index} ${index % 2 === 0 ? 'SUPPORTS' : 'CONTRADICTS'}`,
    );
    const linksFound = expectedLinks.filter((key) => found.get(key) === 1).length;
    const acknowledged = acknowledgedReviews.length + linked.length + 1;
    const present = reviewsFound + linksFound + (found.get(`${SOURCE}/widgets-are-the-future SUPPORTS`) === 1 ? 1 : 0);
    recordReliability({
      kind: 'writes',
      scenario: '60 reviews, 40 evidence links and 20 copies of one link on one claim, at once',
      acknowledged,
      lost: acknowledged - present,
    });
    expect(new Set(acknowledgedReviews).size).toBe(60);
    expect(reviewsFound).toBe(60);
    expect(linksFound).toBe(40);
    expect(found.get(`${SOURCE}/widgets-are-the-future SUPPORTS`)).toBe(1);
    expect(found.size).toBe(41);
  });
});
