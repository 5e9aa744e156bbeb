import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { CONTEXT_LENGTH } from '../../src/domain/anchor';
import { ingestFile } from '../../src/ingest/ingest';
import { deleteTestNodes, openTestDatabase, type TestDatabase } from '../support/neo4j';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'unicode');
const SOURCE_ID = 'test-unicode-source';

interface Quoted {
  id: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  quotePrefix: string;
  quoteSuffix: string;
}

describe('ingesting a text with CJK, emoji, dashes and a combining mark', () => {
  let db: TestDatabase;
  let raw: string;
  let quoted: Map<string, Quoted>;

  beforeAll(async () => {
    db = await openTestDatabase();
    raw = await readFile(path.join(FIXTURE, 'unicode.txt'), 'utf8');
    await ingestFile(db.executor, path.join(FIXTURE, 'unicode.yaml'));
    const { records } = await db.driver.executeQuery(
      `MATCH (n:Claim|Figure) WHERE n.id STARTS WITH $sourceId + '/'
       RETURN n {.id, .quote, .quoteStart, .quoteEnd, .quotePrefix, .quoteSuffix} AS node`,
      { sourceId: SOURCE_ID },
    );
    quoted = new Map(
      records.map((record) => {
        const node = record.get('node') as Quoted;
        return [node.id.slice(SOURCE_ID.length + 1), node];
      }),
    );
  });
  afterAll(async () => {
    await deleteTestNodes(db.driver, 'test-unicode');
    await db.close();
  });

  const get = (localId: string): Quoted => {
    const node = quoted.get(localId);
    if (!node) throw new Error(`${localId} was not stored`);
    return node;
  };

  it('stores the text unchanged, combining mark included', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (s:Source {id: $id}) RETURN s.text AS text, s.length AS length',
      {
        id: SOURCE_ID,
      },
    );
    expect(records[0]?.get('text')).toBe(raw);
    expect(raw).toContain('cafe\u0301');
    expect(records[0]?.get('length')).toBe(Array.from(raw).length);
    expect(Array.from(raw).length).toBeLessThan(raw.length);
  });

  it('counts offsets in code points: a quote after one emoji starts one before its UTF-16 index', () => {
    const figure = get('share-2023');
    expect(raw.slice(0, raw.indexOf(figure.quote))).toContain('🚗');
    expect(figure.quoteStart).toBe(raw.indexOf(figure.quote) - 1);
  });

  it('measures a quote containing an emoji in code points', () => {
    const claim = get('software-defines-cars');
    expect(claim.quote).toBe('软件定义汽车 – software defines cars 🔋');
    expect(claim.quoteStart).toBe(raw.indexOf(claim.quote) - 1);
    expect(claim.quoteEnd - claim.quoteStart).toBe(claim.quote.length - 1);
  });

  it('counts a combining mark as its own code point, after two emoji', () => {
    const claim = get('researcher-at-cafe-lab');
    expect(claim.quote).toBe('a researcher at the cafe\u0301 lab');
    expect(claim.quoteStart).toBe(raw.indexOf(claim.quote) - 2);
    expect(claim.quoteEnd - claim.quoteStart).toBe(claim.quote.length);
  });

  it('keeps the anchoring invariant for every quote', () => {
    const characters = Array.from(raw);
    expect([...quoted.keys()].sort()).toEqual([
      'nev-sales',
      'per-charger',
      'per-charger-end-2023',
      'researcher-at-cafe-lab',
      'share-2023',
      'software-defines-cars',
    ]);
    for (const node of quoted.values()) {
      expect(characters.slice(node.quoteStart, node.quoteEnd).join('')).toBe(node.quote);
      expect(node.quotePrefix).toBe(
        characters.slice(Math.max(0, node.quoteStart - CONTEXT_LENGTH), node.quoteStart).join(''),
      );
      expect(node.quoteSuffix).toBe(characters.slice(node.quoteEnd, node.quoteEnd + CONTEXT_LENGTH).join(''));
    }
  });

  it("agrees with Neo4j's own code point substring", async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (s:Source {id: $id}), (n:Claim|Figure) WHERE n.id STARTS WITH $id + '/'
       RETURN n.quote AS quote, substring(s.text, n.quoteStart, n.quoteEnd - n.quoteStart) AS slice`,
      { id: SOURCE_ID },
    );
    expect(records).toHaveLength(quoted.size);
    for (const record of records) expect(record.get('slice')).toBe(record.get('quote'));
  });

  it('keeps non-ASCII names and resolves the relative period', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (:Claim {id: $claim})-[:SAID_BY]->(speaker), (f:Figure {id: $figure})-[:FOR_PLACE]->(place)
       RETURN speaker.name AS speaker, place.name AS place, f.periodLabel AS period`,
      { claim: `${SOURCE_ID}/software-defines-cars`, figure: `${SOURCE_ID}/per-charger-end-2023` },
    );
    expect(records.map((record) => record.toObject())).toEqual([
      { speaker: 'Zoë Müller', place: '中国', period: 'end of 2023' },
    ]);
  });
});
