import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { loadConfig } from '../config';
import { createDriver } from '../db/driver';
import { Executor } from '../db/executor';
import { migrate } from '../db/migrations';
import { AnnotationError } from './issues';
import { annotationFiles, ingestFile, SEED_DIRECTORY, type IngestSummary } from './ingest';

const USAGE = `usage:
  npm run ingest -- FILE... [--dry-run]   validate and load annotation files
  npm run seed                            load every annotation file in seed/`;

function describe(summary: IngestSummary): string {
  const verb = summary.written ? 'loaded' : 'valid (dry run, nothing written)';
  return `${summary.file}: ${verb}: source ${summary.sourceKey}, ${summary.claims} claims, ${summary.figures} figures`;
}

/** Exit codes: 0 done, 1 invalid annotation (nothing written), 2 usage or database error. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [command, ...files] = positionals;
  if (values.help || (command !== 'seed' && command !== 'ingest') || (command === 'ingest' && files.length === 0)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const targets = command === 'seed' ? await annotationFiles(SEED_DIRECTORY) : files;
  const dryRun = values['dry-run'] ?? false;

  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const executor = new Executor(driver, config.neo4j.database, { timeoutMs: config.neo4j.transactionTimeoutMs });
  try {
    if (!dryRun) await migrate(executor);
    for (const file of targets) console.log(describe(await ingestFile(executor, file, { dryRun })));
    return 0;
  } catch (error) {
    if (error instanceof AnnotationError) {
      console.error(`${error.message}\n${error.issues.length} problem(s); nothing was written.`);
      return 1;
    }
    console.error(`ingestion failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await driver.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
