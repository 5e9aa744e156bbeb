/**
 * npm run draft -- FILE.txt [--meta FILE.meta.json] [--out FILE.yaml]
 *
 * Drafts an annotation for a raw text. Existing entities to link to are read from the shared
 * entity files ingestion will resolve the draft against (entities/ beside the draft, else
 * seed/entities/) and from the annotations of seed/ and seed/sources/.
 * Without --out the YAML goes to standard output. Exit codes: 0 drafted, 1 bad input (the
 * message names the file), 2 usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { draftAnnotation } from './draft';
import type { DraftMeta } from './draft-types';
import { entitiesDirectoryFor } from './ingest-entry';
import { knownFromDirectory } from './known-entities';
import { decodeText, DraftInputError, MAX_DRAFT_TEXT_BYTES } from './text-input';

const USAGE = 'usage: npm run draft -- FILE.txt [--meta FILE.meta.json] [--out FILE.yaml]';
const SEED_DIRECTORY = path.resolve(__dirname, '..', '..', 'seed');

async function readBytes(file: string, limit: number): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new DraftInputError(file, 'file not found or not readable');
  }
  if (bytes.byteLength > limit)
    throw new DraftInputError(file, `the file has ${bytes.byteLength} bytes; at most ${limit} are accepted`);
  return bytes;
}

/** The metadata file, or none: a missing or broken one is a warning in the draft, not a failure. */
async function readMeta(file: string, explicit: boolean, warnings: string[]): Promise<DraftMeta> {
  let content: string;
  try {
    content = (await readFile(file)).toString('utf8');
  } catch {
    if (explicit) throw new DraftInputError(file, 'file not found or not readable');
    warnings.push(
      `no metadata file ${path.basename(file)}: write it before ingesting (title, publisher, url, publishedDate)`,
    );
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new DraftInputError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const meta = (data ?? {}) as Record<string, unknown>;
  const field = (name: string) =>
    typeof meta[name] === 'string' && meta[name] !== '' ? (meta[name] as string) : undefined;
  const publishedDate = field('publishedDate');
  if (publishedDate && !/^\d{4}-\d{2}-\d{2}$/.test(publishedDate)) {
    throw new DraftInputError(file, `publishedDate "${publishedDate}" is not a YYYY-MM-DD date`);
  }
  return { title: field('title'), publisher: field('publisher'), publishedDate };
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { meta: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const textPath = positionals[0];
  if (values.help || !textPath || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const metaPath = values.meta ?? textPath.replace(/\.txt$/, '') + '.meta.json';
  const outDirectory = path.dirname(values.out ?? textPath);
  const text = decodeText(textPath, await readBytes(textPath, MAX_DRAFT_TEXT_BYTES));
  const warnings: string[] = [];
  // Ingestion reads the text only from the annotation's folder or below it.
  const textFromOut = path.relative(outDirectory, textPath);
  if (textFromOut.startsWith('..') || path.isAbsolute(textFromOut)) {
    warnings.push(
      `${textPath} is not inside the draft's folder: ingestion will refuse it; write the draft beside the text`,
    );
  }
  const meta = await readMeta(metaPath, values.meta !== undefined, warnings);
  const result = draftAnnotation({
    name: textPath,
    text,
    meta,
    textFile: path.relative(outDirectory, textPath),
    metaFile: path.relative(outDirectory, metaPath),
    ...(await knownFromDirectory(
      SEED_DIRECTORY,
      await entitiesDirectoryFor(path.join(outDirectory, 'draft.yaml'), SEED_DIRECTORY),
    )),
  });
  result.draft.warnings.unshift(...warnings);
  const yaml = warnings.length > 0 ? (await import('./yaml-writer')).writeYaml(result.draft) : result.yaml;
  if (values.out) await writeFile(values.out, yaml);
  else process.stdout.write(yaml);
  const claims = result.draft.claims.length;
  const unsure = result.items.filter((item) => item.review.length > 0).length;
  console.error(
    `${textPath}: drafted ${claims} claims, ${result.draft.figures.length} figures; ${unsure} item(s) to review${values.out ? ` -> ${values.out}` : ''}`,
  );
  for (const warning of result.draft.warnings) console.error(`${textPath}: warning: ${warning}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof DraftInputError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    console.error(`draft failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
