import { newSource } from '../../../src/domain/source';
import { SourceWriter } from '../../../src/modules/source/source.writes';
import { deleteTestNodes, openTestDatabase, type TestDatabase } from '../../support/neo4j';

const PREFIX = 'test-source-writes';
const PUBLISHER = `${PREFIX}-gazette`;

describe('SourceWriter.create', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase();
    await deleteTestNodes(db.driver, PREFIX);
    await db.driver.executeQuery('CREATE (:Organization {id: $id, name: $name})', {
      id: PUBLISHER,
      name: 'Fjord Gazette',
    });
  });

  afterAll(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await db.close();
  });

  it('adds a text once when several requests add it at the same time; the others learn it exists', async () => {
    const draft = newSource({
      title: 'Ferry fares rise',
      kind: 'article',
      url: 'https://example.org/ferry-fares',
      publishedDate: '2025-06-02',
      language: 'en',
      text: 'Ferry fares on the Ålesund routes rise by 4 percent in July, the operator said.',
    });
    if (!draft.ok) throw new Error('expected a valid draft');
    const source = { ...draft.value, key: `${PREFIX}-ferry` };
    const writer = new SourceWriter(db.executor);

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => writer.create(source, PUBLISHER, `editor-${index}`)),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => 'exists' in result)).toHaveLength(7);
    const { records } = await db.driver.executeQuery(
      `MATCH (s:Source {id: $key}) RETURN count(s) AS sources, COUNT { (s)-[:PUBLISHED_BY]->() } AS publishers,
              s.addedBy AS addedBy`,
      { key: source.key },
    );
    const added = results.find((result) => result.ok);
    expect(records[0]?.toObject()).toEqual({
      sources: 1,
      publishers: 1,
      addedBy: `editor-${results.indexOf(added!)}`,
    });
  });
});
