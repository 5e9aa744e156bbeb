import { randomUUID } from 'node:crypto';

import { cypher, transactionsInFlight } from '../../../src/db/executor';
import { openTestDatabase, queryRecorder, type TestDatabase } from '../../support/neo4j';

const CREATE_PROBE = cypher('test.createProbe', 'CREATE (p:ExecutorProbe {id: $id, text: $text}) RETURN p.id AS id');
const READ_PROBE = cypher('test.readProbe', 'MATCH (p:ExecutorProbe {id: $id}) RETURN p.text AS text');
const DELETE_PROBE = cypher('test.deleteProbe', 'MATCH (p:ExecutorProbe {id: $id}) DELETE p');

describe('Executor against the real Neo4j', () => {
  let db: TestDatabase;
  const id = randomUUID();

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.executor.write(DELETE_PROBE, { id });
    await db.close();
  });

  it('writes in a write transaction and reads the value back, non-ASCII intact', async () => {
    await db.executor.write(CREATE_PROBE, { id, text: '新能源汽车 🚗 – ok' });
    const records = await db.executor.read(READ_PROBE, { id });
    expect(records.map((record) => record.get('text'))).toEqual(['新能源汽车 🚗 – ok']);
  });

  it('reports every statement, by name and mode, to its observers', async () => {
    const recorder = queryRecorder();
    const observed = db.executor.withObserver(recorder.observer);
    await observed.read(READ_PROBE, { id });
    await observed.writeTransaction(async (tx) => {
      await tx.run(READ_PROBE, { id });
      await tx.run(READ_PROBE, { id });
    });
    expect(recorder.events.map((event) => [event.name, event.mode, event.ok])).toEqual([
      ['test.readProbe', 'READ', true],
      ['test.readProbe', 'WRITE', true],
      ['test.readProbe', 'WRITE', true],
    ]);
  });

  it('rolls back every statement of a failed write transaction', async () => {
    const other = randomUUID();
    await expect(
      db.executor.writeTransaction(async (tx) => {
        await tx.run(CREATE_PROBE, { id: other, text: 'should vanish' });
        await tx.run(cypher('test.fail', 'RETURN 1 / 0'));
      }),
    ).rejects.toThrow();
    expect(await db.executor.read(READ_PROBE, { id: other })).toHaveLength(0);
  });

  it('counts the transactions in flight, by access mode, while they hold a connection (pool usage)', async () => {
    expect(transactionsInFlight).toEqual({ READ: 0, WRITE: 0 });
    const reading = db.executor.read(READ_PROBE, { id });
    expect(transactionsInFlight).toEqual({ READ: 1, WRITE: 0 });
    await db.executor.writeTransaction(async (tx) => {
      await tx.run(READ_PROBE, { id });
      expect(transactionsInFlight.WRITE).toBe(1);
    });
    await reading;
    await expect(db.executor.read(cypher('test.fail', 'RETURN 1 / 0'))).rejects.toThrow();
    expect(transactionsInFlight).toEqual({ READ: 0, WRITE: 0 });
  });
});
