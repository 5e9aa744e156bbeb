import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { toGlobalId } from '../../../src/modules/common/global-id';
import { ADD_SOURCE, READ_SOURCE, sourceInput } from '../../support/api';
import { openTestDatabase, type TestDatabase } from '../../support/neo4j';
import { EDITOR_TOKEN, postGraphQL, REVIEWER_TOKEN } from '../../support/server';
import { buildService, spawnService, type ServiceProcess } from '../../support/service-process';
import { subscribe, wsClient } from '../../support/subscriptions';

/** Computed here, not with the code under test. */
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Two replicas of the service, separate processes on their own ports, against the same Neo4j: what a
 * load balancer in front of several instances sees. Nothing is shared between them but the database.
 */
describe('scale-out: two service instances on one Neo4j', () => {
  let buildDir: string;
  let db: TestDatabase;
  const instances: ServiceProcess[] = [];
  const marker = randomUUID();
  const input = sourceInput(marker);
  const sourceId = toGlobalId('Source', `source-${sha256(input.text).slice(0, 16)}`);

  beforeAll(async () => {
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'scale-out-'));
    const main = await buildService(buildDir);
    db = await openTestDatabase();
    // One after the other: both seed the article on start (idempotent), which need not race here.
    for (let index = 0; index < 2; index += 1) instances.push(await spawnService(main));
  }, 120_000);

  afterAll(async () => {
    for (const { child } of instances) if (child.exitCode === null) child.kill('SIGKILL');
    await db.driver.executeQuery('MATCH (s:Source {title: $title}) DETACH DELETE s', { title: input.title });
    await db.close();
    await rm(buildDir, { recursive: true, force: true });
  });

  it('runs two separate processes', () => {
    expect(instances).toHaveLength(2);
    expect(instances[0]!.child.pid).not.toBe(instances[1]!.child.pid);
  });

  it('reads through one instance what was written through the other, with and without bookmarks', async () => {
    const writer = instances[0]!;
    const reader = instances[1]!;
    const read = (headers: Record<string, string> = {}) =>
      postGraphQL<{ node: { id: string; title: string } | null }>(
        reader.url,
        { query: READ_SOURCE, variables: { id: sourceId } },
        headers,
      );

    // The reader answers "not there" first: a replica that cached this would answer it again below.
    expect((await read()).body.data?.node).toBeNull();

    const written = await postGraphQL<{ addSource: { id: string; title: string } }>(
      writer.url,
      { query: ADD_SOURCE, variables: { input } },
      { authorization: `Bearer ${EDITOR_TOKEN}` },
    );
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data?.addSource).toEqual({ id: sourceId, title: input.title });
    const bookmarks = written.headers.get('neo4j-bookmarks');
    expect(bookmarks).toMatch(/^FB:/);

    // The writer's bookmarks, sent to the other replica, guarantee the write is visible there on a
    // cluster too; on this single server it is visible either way.
    const withBookmarks = await read({ authorization: `Bearer ${EDITOR_TOKEN}`, 'neo4j-bookmarks': bookmarks! });
    expect(withBookmarks.body.data?.node).toEqual(written.body.data?.addSource);
    expect((await read()).body.data?.node).toEqual(written.body.data?.addSource);
  });

  it('delivers the same subscription events in the same order from both instances', async () => {
    const claim = toGlobalId('Claim', 'cgtn-2024-03-19-nev-software-charging/consumer-acceptance-surging');
    const clients = instances.map(({ url }) => wsClient(url));
    const watches = clients.map((client) =>
      subscribe<{ claimUpdated: { sequence: number; review: { id: string } } }>(
        client,
        'subscription ($claim: ID!) { claimUpdated(claim: $claim) { sequence review { id } } }',
        { claim },
      ),
    );
    const reviewIds: string[] = [];
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Concurrent writes through both instances: the outbox orders them as they commit.
      const written = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          postGraphQL<{ reviewClaim: { id: string } }>(
            instances[index % 2]!.url,
            {
              query: 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
              variables: {
                input: { claim, rating: 1 + (index % 5), explanation: `Test review ${index} from a replica.` },
              },
            },
            { authorization: `Bearer ${REVIEWER_TOKEN}` },
          ),
        ),
      );
      reviewIds.push(...written.map((response) => response.body.data!.reviewClaim.id));
      const [first, second] = await Promise.all(watches.map((watch) => watch.waitFor(reviewIds.length)));
      const order = (events: typeof first) =>
        events!.map((event) => [event.data!.claimUpdated.sequence, event.data!.claimUpdated.review.id]);
      expect(order(first)).toEqual(order(second));
      const sequences = order(first).map(([sequence]) => sequence as number);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(new Set(order(first).map(([, id]) => id))).toEqual(new Set(reviewIds));
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
      const keys = reviewIds.map((id) =>
        Buffer.from(id, 'base64url')
          .toString('utf8')
          .replace(/^Review:/, ''),
      );
      await db.driver.executeQuery('MATCH (r:Review) WHERE r.id IN $keys DETACH DELETE r', { keys });
    }
  });

  it('shuts down gracefully on SIGTERM: both processes exit with 0 within 10 s', async () => {
    const exits = instances.map(({ exited }) =>
      Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000).unref())]),
    );
    for (const { child } of instances) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
