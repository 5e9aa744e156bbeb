import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { CONTEXT_LENGTH } from '../../src/domain/anchor';
import { annotationFiles, seed, SEED_DIRECTORY, loadAnnotation, type LoadedAnnotation } from '../../src/ingest/ingest';
import { countsByKind, graphCounts, openTestDatabase, type TestDatabase } from '../support/neo4j';

/** Computed here, not with the code under test. */
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The seeded article. Its data stays in the database: these tests never delete it. */
const ARTICLE_FILE = path.join(SEED_DIRECTORY, 'cgtn-tech-talk-nev-software-charging.yaml');

interface QuotedNode {
  id: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  quotePrefix: string;
  quoteSuffix: string;
}

describe('seeding the CGTN interview', () => {
  let db: TestDatabase;
  let article: LoadedAnnotation;
  let sourceId: string;
  let text: string;
  let bodyStart: number;
  let bodyEnd: number;

  /** Runs a read query and returns its records as plain objects. */
  async function rows(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const { records } = await db.driver.executeQuery(query, { sourceId, ...params });
    return records.map((record) => record.toObject());
  }

  /** Claims and figures of the article, with their quotes, as stored. */
  function quotedNodes(label: 'Claim' | 'Figure'): Promise<QuotedNode[]> {
    return rows(
      `MATCH (n:${label}) WHERE n.id STARTS WITH $sourceId + '/'
       RETURN n.id AS id, n.quote AS quote, n.quoteStart AS quoteStart, n.quoteEnd AS quoteEnd,
              n.quotePrefix AS quotePrefix, n.quoteSuffix AS quoteSuffix ORDER BY n.quoteStart`,
    ) as Promise<unknown> as Promise<QuotedNode[]>;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    article = await loadAnnotation(ARTICLE_FILE);
    sourceId = article.graph.source.key;
    await seed(db.executor);
    const [source] = await rows(
      'MATCH (s:Source {id: $sourceId}) RETURN s.text AS text, s.bodyStart AS bodyStart, s.bodyEnd AS bodyEnd',
    );
    ({ text, bodyStart, bodyEnd } = source as { text: string; bodyStart: number; bodyEnd: number });
  });
  afterAll(() => db.close());

  describe('the source', () => {
    it('stores the raw text exactly as the file has it', async () => {
      const raw = await readFile(path.join(SEED_DIRECTORY, 'cgtn-tech-talk-nev-software-charging.txt'), 'utf8');
      expect(text).toBe(raw);
      const [source] = await rows(
        'MATCH (s:Source {id: $sourceId}) RETURN s.contentHash AS hash, s.length AS length, toString(s.publishedDate) AS published',
      );
      expect(source).toEqual({ hash: sha256(raw), length: Array.from(raw).length, published: '2024-03-19' });
    });

    it('is published by CGTN and the interview was conducted by CGTN', async () => {
      const links = await rows(
        `MATCH (s:Source {id: $sourceId})-[r:PUBLISHED_BY|INTERVIEW_CONDUCTED_BY|INTERVIEWS]->(o)
         RETURN type(r) AS type, o.name AS name, labels(o) AS labels ORDER BY type`,
      );
      expect(links).toEqual([
        { type: 'INTERVIEWS', name: 'Miao Wei', labels: ['Person'] },
        { type: 'INTERVIEW_CONDUCTED_BY', name: 'CGTN', labels: ['Organization'] },
        { type: 'PUBLISHED_BY', name: 'CGTN', labels: ['Organization'] },
      ]);
    });

    it('excludes the cookie banner, title, "05:42" and "Search Trends" from the body', () => {
      const body = Array.from(text).slice(bodyStart, bodyEnd).join('');
      expect(body.startsWith("China's booming new energy vehicle")).toBe(true);
      expect(body.endsWith('he concluded.')).toBe(true);
      for (const boilerplate of ['Cookie', 'I agree', 'Tech Talk:', '05:42', 'Search Trends']) {
        expect(body).not.toContain(boilerplate);
      }
    });
  });

  describe('quotes', () => {
    it.each(['Claim', 'Figure'] as const)(
      'every %s quote is the text at its code point offsets, with matching context',
      async (label) => {
        const nodes = await quotedNodes(label);
        expect(nodes).toHaveLength(
          label === 'Claim' ? article.annotation.claims.length : article.annotation.figures.length,
        );
        const characters = Array.from(text);
        for (const node of nodes) {
          expect({ id: node.id, slice: characters.slice(node.quoteStart, node.quoteEnd).join('') }).toEqual({
            id: node.id,
            slice: node.quote,
          });
          expect(node.quotePrefix).toBe(
            characters.slice(Math.max(0, node.quoteStart - CONTEXT_LENGTH), node.quoteStart).join(''),
          );
          expect(node.quoteSuffix).toBe(characters.slice(node.quoteEnd, node.quoteEnd + CONTEXT_LENGTH).join(''));
        }
      },
    );

    it("offsets are integers that Cypher's substring agrees with", async () => {
      const [result] = await rows(
        `MATCH (n:Claim|Figure), (s:Source {id: $sourceId}) WHERE n.id STARTS WITH $sourceId + '/'
         RETURN count(n) AS total,
                count(CASE WHEN substring(s.text, n.quoteStart, n.quoteEnd - n.quoteStart) = n.quote THEN 1 END) AS matching,
                collect(DISTINCT valueType(n.quoteStart)) AS types`,
      );
      expect(result).toEqual({
        total: article.annotation.claims.length + article.annotation.figures.length,
        matching: result?.total,
        types: ['INTEGER NOT NULL'],
      });
    });

    it('no claim or figure quote lies outside the body or touches the "Watch:" caption', async () => {
      const characters = Array.from(text);
      const captionStart = Array.from(text.slice(0, text.indexOf('Watch: CGTN AI host Ainia'))).length;
      const captionEnd =
        captionStart + Array.from(text.slice(text.indexOf('Watch: CGTN AI host Ainia')).split('\n')[0] ?? '').length;
      expect(captionStart).toBeGreaterThan(bodyStart);
      for (const node of [...(await quotedNodes('Claim')), ...(await quotedNodes('Figure'))]) {
        expect(node.quoteStart).toBeGreaterThanOrEqual(bodyStart);
        expect(node.quoteEnd).toBeLessThanOrEqual(bodyEnd);
        expect(node.quoteEnd <= captionStart || node.quoteStart >= captionEnd).toBe(true);
        expect(characters.slice(node.quoteStart, node.quoteEnd).join('')).not.toMatch(
          /Watch:|cookie|05:42|Search Trends/i,
        );
      }
    });
  });

  describe('figures', () => {
    /** The figure with `value`, its metric, place and the claims citing it. */
    async function figure(value: number) {
      const found = await rows(
        `MATCH (f:Figure {sourceId: $sourceId, value: $value})-[:MEASURES]->(m:Metric)
         OPTIONAL MATCH (f)-[:FOR_PLACE]->(p:Place)
         OPTIONAL MATCH (c:Claim)-[:CITES]->(f)
         OPTIONAL MATCH (c)-[:SAID_BY]->(speaker)
         RETURN f {.unit, .qualifier, .periodLabel, .periodExpression, .periodWords, .periodRelative,
                   periodStart: toString(f.periodStart), periodEnd: toString(f.periodEnd)} AS figure,
                m.name AS metric, p.name AS place,
                collect({quote: c.quote, attribution: c.attribution, speaker: speaker.name}) AS citedBy`,
        { value },
      );
      expect(found).toHaveLength(1);
      return found[0] as {
        figure: Record<string, unknown>;
        metric: string;
        place: string;
        citedBy: Record<string, unknown>[];
      };
    }

    it('NEV share exceeded 31 percent in China in 2023, told by CGTN', async () => {
      const share = await figure(31);
      expect(share.figure).toMatchObject({
        unit: 'percent',
        qualifier: 'exceeding',
        periodLabel: '2023',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
      });
      expect(share.metric).toBe('NEV share of new car sales');
      expect(share.place).toBe('China');
      expect(share.citedBy).toEqual([
        {
          quote: 'with the NEV market share in China exceeding 31 percent in 2023',
          attribution: 'narration',
          speaker: 'CGTN',
        },
      ]);
    });

    it('NEV exports rose 77 percent to 1.2 million units "that same year", told by CGTN', async () => {
      const growth = await figure(77);
      const units = await figure(1_200_000);
      expect(growth.figure).toMatchObject({ unit: 'percent', periodLabel: '2023', periodWords: 'that same year' });
      expect(growth.metric).toBe('NEV export growth');
      expect(units.figure).toMatchObject({ unit: 'vehicles', periodLabel: '2023', periodWords: 'that same year' });
      expect(units.metric).toBe('NEV exports');
      const claim = {
        quote: 'NEV exports skyrocketed by 77 percent to 1.2 million units that same year',
        attribution: 'narration',
        speaker: 'CGTN',
      };
      expect(growth.citedBy).toEqual([claim]);
      expect(units.citedBy).toEqual([claim]);
    });

    it('about 2.4 NEVs per charging station at the end of 2023, resolved from "end of last year", quoted from Miao', async () => {
      const perStation = await figure(2.4);
      expect(perStation.figure).toEqual({
        unit: 'NEVs per charging station',
        qualifier: 'about',
        periodLabel: 'end of 2023',
        periodStart: '2023-12-31',
        periodEnd: '2023-12-31',
        periodExpression: 'end of last year',
        periodRelative: true,
        periodWords: 'By the end of last year',
      });
      expect(perStation.metric).toBe('NEVs per charging station');
      expect(perStation.citedBy).toEqual([
        {
          quote: 'By the end of last year, there were about 2.4 NEVs for every charging station',
          attribution: 'direct-quote',
          speaker: 'Miao Wei',
        },
      ]);
    });
  });

  describe('target and projection', () => {
    it('China set the target of NEVs over 50 percent of new car sales by 2035', async () => {
      const targets = await rows(
        `MATCH (t:Target)-[:SET_BY]->(setter), (t)-[:MEASURED_BY]->(m:Metric), (c:Claim)-[:STATES]->(t)
         RETURN t {.comparator, .threshold, .unit, .deadlineLabel, deadline: toString(t.deadline)} AS target,
                setter.name AS setBy, labels(setter) AS setterLabels, m.name AS metric, count(c) AS statedBy`,
      );
      expect(targets).toEqual([
        {
          target: { comparator: 'gt', threshold: 50, unit: 'percent', deadlineLabel: '2035', deadline: '2035-12-31' },
          setBy: 'China',
          setterLabels: ['Place'],
          metric: 'NEV share of new car sales',
          statedBy: 2,
        },
      ]);
    });

    it('Miao projects it could be met by 2025, 10 years earlier, and a claim of his states it', async () => {
      const projections = await rows(
        `MATCH (p:Projection {sourceId: $sourceId})-[:PROJECTS]->(t:Target),
              (p)-[:PROJECTED_BY]->(author), (c:Claim)-[:STATES]->(p), (c)-[:SAID_BY]->(speaker)
         RETURN p.expectedLabel AS expected, toString(p.expectedBy) AS expectedBy, p.yearsEarlier AS yearsEarlier,
                t.deadlineLabel AS deadline, author.name AS projectedBy, speaker.name AS statedBy`,
      );
      expect(projections).toEqual([
        {
          expected: '2025',
          expectedBy: '2025-12-31',
          yearsEarlier: 10,
          deadline: '2035',
          projectedBy: 'Miao Wei',
          statedBy: 'Miao Wei',
        },
      ]);
    });
  });

  describe('people, organizations, presenters', () => {
    it('Miao Wei is vice chairman of a committee of the CPPCC National Committee and a former minister at MIIT', async () => {
      const roles = await rows(
        `MATCH (:Person {name: 'Miao Wei'})-[:HOLDS_ROLE]->(r:Role)-[:ROLE_AT]->(o:Organization)
         OPTIONAL MATCH (o)-[:PART_OF]->(parent:Organization)
         RETURN r.title AS title, r.status AS status, o.id AS organization, parent.id AS partOf ORDER BY status`,
      );
      expect(roles).toEqual([
        {
          title: 'Vice chairman',
          status: 'current',
          organization: 'cppcc-committee-economic-affairs',
          partOf: 'cppcc-national-committee',
        },
        {
          title: 'Minister of Industry and Information Technology',
          status: 'former',
          organization: 'miit',
          partOf: null,
        },
      ]);
    });

    it('Ainia is a virtual presenter operated by CGTN, not a person', async () => {
      const ainia = await rows(
        `MATCH (a {name: 'Ainia'}) OPTIONAL MATCH (a)-[:OPERATED_BY]->(o)
         RETURN labels(a) AS labels, o.name AS operatedBy`,
      );
      expect(ainia).toEqual([{ labels: ['VirtualPresenter'], operatedBy: 'CGTN' }]);
      const mentioned = await rows(`MATCH (:Source {id: $sourceId})-[:MENTIONS]->(a) RETURN a.name AS name`);
      expect(mentioned).toEqual([{ name: 'Ainia' }]);
    });
  });

  describe('claims', () => {
    it('"Software defines cars" is a direct quote of Miao, spoken as the current vice chairman', async () => {
      const claims = await rows(
        `MATCH (c:Claim {quote: 'Software defines cars'})-[:APPEARS_IN]->(:Source {id: $sourceId}), (c)-[:SAID_BY]->(speaker)
         MATCH (c)-[:SPOKEN_AS]->(role:Role)<-[:HOLDS_ROLE]-(speaker)
         RETURN c.attribution AS attribution, speaker.name AS speaker, role.title AS role, role.status AS status`,
      );
      expect(claims).toEqual([
        { attribution: 'direct-quote', speaker: 'Miao Wei', role: 'Vice chairman', status: 'current' },
      ]);
    });

    it('names the causes and effects of the causal claims', async () => {
      const causal = await rows(
        `MATCH (c:Claim {kind: 'causal'})-[:APPEARS_IN]->(:Source {id: $sourceId})
         RETURN c.quote AS quote,
                COLLECT { MATCH (c)-[:NAMES_CAUSE]->(t:Topic) RETURN t.name ORDER BY t.name } AS causes,
                COLLECT { MATCH (c)-[:NAMES_EFFECT]->(t:Topic) RETURN t.name ORDER BY t.name } AS effects
         ORDER BY c.quoteStart`,
      );
      expect(causal).toEqual([
        {
          quote: 'expanding the charging network would allow for lighter, lower-capacity batteries in NEVs',
          causes: ['Charging network expansion'],
          effects: ['Lighter, lower-capacity batteries'],
        },
        {
          quote: 'ultimately translating to lower vehicle prices and reduced energy consumption',
          causes: ['Lighter, lower-capacity batteries'],
          effects: ['Energy consumption', 'Vehicle prices'],
        },
      ]);
    });

    it('every claim appears in the source, once, and has exactly one speaker', async () => {
      const [counts] = await rows(
        `MATCH (c:Claim) WHERE c.id STARTS WITH $sourceId + '/'
         RETURN count(c) AS claims, count(c.sourceId) AS withSourceIdProperty,
                count(CASE WHEN COUNT { (c)-[:APPEARS_IN]->(:Source {id: $sourceId}) } = 1 THEN 1 END) AS appearing,
                count(CASE WHEN COUNT { (c)-[:SAID_BY]->() } = 1 THEN 1 END) AS spoken`,
      );
      const claims = article.annotation.claims.length;
      expect(counts).toEqual({ claims, withSourceIdProperty: 0, appearing: claims, spoken: claims });
    });
  });

  describe('idempotency', () => {
    it('seeding again changes no node or relationship count, whole-graph or per label and type', async () => {
      expect(await annotationFiles(SEED_DIRECTORY)).toContain(ARTICLE_FILE);
      const before = { ...(await graphCounts(db.driver)), ...(await countsByKind(db.driver)) };
      await seed(db.executor);
      const after = { ...(await graphCounts(db.driver)), ...(await countsByKind(db.driver)) };
      expect(after).toEqual(before);
      expect(before.labels.Claim).toBeGreaterThanOrEqual(article.annotation.claims.length);
    });

    it('seeding again stores the same claims', async () => {
      const snapshot = () =>
        rows(
          `MATCH (c:Claim) WHERE c.id STARTS WITH $sourceId + '/'
           RETURN c {.*} AS claim, COLLECT { MATCH (c)-[r]->(n) RETURN type(r) + '>' + n.id ORDER BY type(r) + '>' + n.id } AS links
           ORDER BY c.id`,
        );
      const before = await snapshot();
      await seed(db.executor);
      expect(await snapshot()).toEqual(before);
    });
  });
});
