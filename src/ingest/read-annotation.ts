/**
 * The read stage of ingestion: files read with size and encoding limits, and parsed as YAML (or
 * JSON) with a locator from document paths to lines and columns. Checking the data against the
 * schema is the next stage (validate.ts).
 */

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { LineCounter, parseDocument, type Document } from 'yaml';

import type { Annotation } from './annotation.schema';
import { AnnotationError, Issues, type IssuePath, type Locator } from './issues';
import { excessiveFlowNesting, MAX_FLOW_NESTING } from './yaml-bounds';

/** Annotation files are written by hand; anything this large is a mistake or an attack. */
export const MAX_ANNOTATION_BYTES = 2 * 1024 * 1024;
export const MAX_SOURCE_TEXT_BYTES = 10 * 1024 * 1024;
/** YAML aliases can expand a small file into a huge object ("billion laughs"); few are needed. */
const MAX_ALIAS_COUNT = 20;

/** Decodes strict UTF-8, naming the first line that is not valid UTF-8. */
function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lines = bytes.toString('latin1').split('\n');
    let offset = 0;
    for (const [index, line] of lines.entries()) {
      const lineBytes = bytes.subarray(offset, offset + line.length);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(lineBytes);
      } catch {
        throw new AnnotationError([{ file, line: index + 1, message: 'the file is not valid UTF-8' }]);
      }
      offset += line.length + 1;
    }
    throw new AnnotationError([{ file, message: 'the file is not valid UTF-8' }]);
  }
}

async function readText(file: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new AnnotationError([{ file, message: 'file not found or not readable' }]);
  }
  if (size > maxBytes) {
    throw new AnnotationError([{ file, message: `the file has ${size} bytes; at most ${maxBytes} are accepted` }]);
  }
  const content = decodeUtf8(file, await readFile(file));
  if (content.trim() === '') throw new AnnotationError([{ file, message: 'the file is empty' }]);
  return content;
}

/** A parsed YAML (or JSON) file: its data, and where each document path lies in it. */
export interface YamlDocument {
  file: string;
  data: unknown;
  locate: Locator;
}

/** Parses YAML (JSON is valid YAML 1.2) and returns a locator from a document path to line and column. */
function parseYaml(file: string, content: string): YamlDocument {
  const lineCounter = new LineCounter();
  const tooDeep = excessiveFlowNesting(content);
  if (tooDeep !== undefined) {
    const before = content.slice(0, tooDeep);
    const line = before.split('\n').length;
    const column = tooDeep - before.lastIndexOf('\n');
    throw new AnnotationError([
      { file, line, column, message: `collections are nested more than ${MAX_FLOW_NESTING} levels deep` },
    ]);
  }
  const document: Document.Parsed = parseDocument(content, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    customTags: [],
    resolveKnownTags: false,
  });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    throw new AnnotationError(
      problems.map((problem) => ({
        file,
        ...position(problem.pos[0]),
        message: problem.message.split('\n')[0] ?? problem.message,
      })),
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new AnnotationError([{ file, message: `the YAML cannot be expanded: ${(error as Error).message}` }]);
  }
  const locate: Locator = (issuePath) => {
    // The deepest node that exists: a missing field is reported at its parent.
    for (let depth = issuePath.length; depth >= 0; depth -= 1) {
      const node = document.getIn(issuePath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return position(node.range[0]);
    }
    return {};
  };
  return { file, data, locate };
}

/**
 * Resolves a file an annotation names, which must lie in the annotation's folder or below it:
 * an annotation must not be able to load an arbitrary file of the machine as a source text.
 */
function besideAnnotation(document: YamlDocument, relative: string, field: IssuePath): string {
  const directory = path.resolve(path.dirname(document.file));
  const resolved = path.resolve(directory, relative);
  if (path.isAbsolute(relative) || !resolved.startsWith(`${directory}${path.sep}`)) {
    const issues = new Issues(document.file, document.locate);
    issues.report(field, 'must be a path relative to the annotation file, inside its folder');
    issues.throwIfAny();
  }
  return resolved;
}

/** Reads and parses a YAML or JSON file of at most `maxBytes`; throws AnnotationError if it cannot. */
export async function readDocument(file: string, maxBytes: number): Promise<YamlDocument> {
  return parseYaml(file, await readText(file, maxBytes));
}

/** The files an annotation's source names: the raw text, and its metadata (still to validate). */
export interface SourceFiles {
  text: string;
  meta: YamlDocument;
}

export async function readSourceFiles(document: YamlDocument, source: Annotation['source']): Promise<SourceFiles> {
  const textFile = besideAnnotation(document, source.textFile, ['source', 'textFile']);
  const metaFile = besideAnnotation(document, source.metaFile, ['source', 'metaFile']);
  const text = await readText(textFile, MAX_SOURCE_TEXT_BYTES);
  return { text, meta: await readDocument(metaFile, MAX_ANNOTATION_BYTES) };
}
