import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { createBuilders, positionOf, tempDir, writeFixture } from '../../support/annotation-builders';
import { deleteTestNodes, graphCounts, openTestDatabase, type TestDatabase } from '../../support/neo4j';
import { childEnv, compileEntry } from '../../support/reliability';

const PREFIX = 'test-cli';
const { ids, claim, minimalAnnotation } = createBuilders(PREFIX);

describe('the ingest CLI', () => {
  let db: TestDatabase;
  let buildDir: string;
  let cli: string;
  let directory: string;

  /** Runs `node cli.js ...args` with the test's environment; the compiled files find node_modules through NODE_PATH. */
  function run(...args: string[]) {
    const result = spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: childEnv(),
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function sourceExists(): Promise<boolean> {
    const { records } = await db.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s', { id: ids.source });
    return records.length > 0;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'cli-build-'));
    cli = await compileEntry(buildDir, 'ingest/cli.ts');
  }, 120_000);
  beforeEach(async () => {
    directory = await tempDir();
  });
  afterEach(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await rm(directory, { recursive: true, force: true });
  });
  afterAll(async () => {
    await rm(buildDir, { recursive: true, force: true });
    await db.close();
  });

  it('exits 1 on a bad file, printing "file:line:col: path: message", and writes nothing', async () => {
    const { file, content } = await writeFixture(directory, {
      annotation: minimalAnnotation({ claims: [claim({ quote: 'Widgets are the past' })] }),
    });
    const before = await graphCounts(db.driver);
    const result = run('ingest', file);
    const { line, column } = positionOf(content, 'Widgets are the past');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `${file}:${line}:${column}: claims[0].quote: quote not found in the source text\n1 problem(s); nothing was written.\n`,
    );
    expect(await graphCounts(db.driver)).toEqual(before);
  });

  it('validates a good file with --dry-run and writes nothing', async () => {
    const { file } = await writeFixture(directory, { annotation: minimalAnnotation() });
    const before = await graphCounts(db.driver);
    const result = run('ingest', file, '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `${file}: valid (dry run, nothing written): source ${ids.source}, 2 claims, 1 figures\n`,
    );
    expect(await graphCounts(db.driver)).toEqual(before);
    expect(await sourceExists()).toBe(false);
  });

  it('loads the same good file without --dry-run', async () => {
    const { file } = await writeFixture(directory, { annotation: minimalAnnotation() });
    const result = run('ingest', file);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${file}: loaded: source ${ids.source}, 2 claims, 1 figures\n`);
    expect(await sourceExists()).toBe(true);
  });

  it('exits 2 with usage when no file is given', () => {
    const result = run('ingest');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage:/);
  });
});
