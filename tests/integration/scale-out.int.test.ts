import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { toGlobalId } from '../../src/modules/common/global-id';
import { ADD_SOURCE, READ_SOURCE, sourceInput } from '../support/api';
import { openTestDatabase, type TestDatabase } from '../support/neo4j';
import { EDITOR_TOKEN, postGraphQL } from '../support/server';
import { buildService, spawnService, type ServiceProcess } from '../support/service-process';

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

  it('shuts down gracefully on SIGTERM: both processes exit with 0 within 10 s', async () => {
    const exits = instances.map(({ exited }) =>
      Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000).unref())]),
    );
    for (const { child } of instances) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
