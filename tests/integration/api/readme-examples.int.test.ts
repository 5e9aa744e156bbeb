import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { dataOf } from '../../support/api';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * The README's "Queries with their real output": each ```graphql block (its variables in a
 * trailing `# variables: {...}` comment) is followed by a ```json block, the value of its one root
 * field after `npm start`. This runs every pair against the seed that `npm start` loads, so the
 * README cannot drift from what the service answers.
 */

const README = path.resolve(__dirname, '..', '..', '..', 'README.md');
const SECTION = '### Queries with their real output';

interface Example {
  title: string;
  query: string;
  variables: Record<string, unknown>;
  output: unknown;
}

/** The examples of the section, in order; the bold line before a query is its title. */
function readmeExamples(markdown: string): Example[] {
  const start = markdown.indexOf(SECTION);
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`);
  const end = markdown.indexOf('\n### ', start + SECTION.length);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const pattern = /\*\*(.+?)\*\*[\s\S]*?```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  return [...section.matchAll(pattern)].map(([, title, query, output]) => {
    const variables = /^# variables: (.+)$/m.exec(query ?? '')?.[1];
    return {
      title: title ?? '',
      query: query ?? '',
      variables: variables === undefined ? {} : (JSON.parse(variables) as Record<string, unknown>),
      output: JSON.parse(output ?? 'null') as unknown,
    };
  });
}

describe("the README's example queries", () => {
  let server: TestServer;
  let examples: Example[];

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    examples = readmeExamples(await readFile(README, 'utf8'));
  });
  afterAll(() => server.close());

  it('are there: lineage to a dataset, a speaker, a series, a republication chain, data of an organisation', () => {
    expect(examples.map((example) => example.title)).toEqual([
      'Where does "2.4 NEVs per charging station" come from?',
      'What did Miao Wei say in his own words, and in which role?',
      'The NEV share of new car sales: the series and the target.',
      "Where do a regional paper's 2024 sales figures come from?",
      "Which claims rest on CAAM's data?",
    ]);
  });

  it('answer exactly what the README shows', async () => {
    for (const example of examples) {
      const data = dataOf(await server.graphql<Record<string, unknown>>(example.query, example.variables));
      const [root] = Object.values(data);
      expect({ title: example.title, output: root }).toEqual({ title: example.title, output: example.output });
    }
  });
});
