import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodError } from 'zod';

import { annotationSchema, sourceMetaSchema, type Annotation, type SourceMeta } from './annotation.schema';
import { compileAnnotation, type IssuePath } from './compile';
import type { SourceGraph } from './source-graph';
import { excessiveFlowNesting, MAX_FLOW_NESTING } from './yaml-bounds';

/** Annotation files are written by hand; anything this large is a mistake or an attack. */
export const MAX_ANNOTATION_BYTES = 2 * 1024 * 1024;
export const MAX_SOURCE_TEXT_BYTES = 10 * 1024 * 1024;
/** YAML aliases can expand a small file into a huge object ("billion laughs"); few are needed. */
const MAX_ALIAS_COUNT = 20;

export interface AnnotationIssue {
  file: string;
  line?: number;
  column?: number;
  /** Where in the document, e.g. "claims[3].quote". */
  path?: string;
  message: string;
}

export class AnnotationError extends Error {
  override name = 'AnnotationError';

  constructor(readonly issues: AnnotationIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function formatIssue(issue: AnnotationIssue): string {
  const position =
    issue.line === undefined ? '' : `:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  return `${issue.file}${position}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

export function formatPath(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export interface LoadedAnnotation {
  file: string;
  annotation: Annotation;
  meta: SourceMeta;
  text: string;
  graph: SourceGraph;
}

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

/** Parses YAML (JSON is valid YAML 1.2) and returns a locator from a document path to line and column. */
function parseYaml(
  file: string,
  content: string,
): { data: unknown; locate: (issuePath: IssuePath) => Partial<AnnotationIssue> } {
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
  const locate = (issuePath: IssuePath): Partial<AnnotationIssue> => {
    // The deepest node that exists: a missing field is reported at its parent.
    for (let depth = issuePath.length; depth >= 0; depth -= 1) {
      const node = document.getIn(issuePath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return position(node.range[0]);
    }
    return {};
  };
  return { data, locate };
}

/**
 * Resolves a file an annotation names, which must lie in the annotation's folder or below it:
 * an annotation must not be able to load an arbitrary file of the machine as a source text.
 */
function besideAnnotation(
  file: string,
  relative: string,
  field: string,
  locate: (issuePath: IssuePath) => Partial<AnnotationIssue>,
): string {
  const directory = path.resolve(path.dirname(file));
  const resolved = path.resolve(directory, relative);
  if (path.isAbsolute(relative) || !resolved.startsWith(`${directory}${path.sep}`)) {
    throw new AnnotationError([
      {
        file,
        ...locate(field.split('.')),
        path: field,
        message: 'must be a path relative to the annotation file, inside its folder',
      },
    ]);
  }
  return resolved;
}

/** zod says "expected string, received undefined" for a missing field; say what it means. */
function describeZodIssue(issue: ZodError['issues'][number], data: unknown): string {
  const value = issue.path.reduce<unknown>(
    (current, segment) =>
      current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[segment] : undefined,
    data,
  );
  return value === undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0
    ? 'missing required field'
    : issue.message;
}

function zodIssues(
  file: string,
  error: ZodError,
  locate: (issuePath: IssuePath) => Partial<AnnotationIssue>,
  data: unknown,
): AnnotationIssue[] {
  return error.issues.map((issue) => {
    const issuePath = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    return { file, ...locate(issuePath), path: formatPath(issuePath), message: describeZodIssue(issue, data) };
  });
}

/**
 * Reads an annotation file with the source text and metadata it names, and validates all of it.
 * Throws AnnotationError listing every problem with file, line and path; returns the rows to write.
 */
export async function readAnnotation(file: string): Promise<LoadedAnnotation> {
  const content = await readText(file, MAX_ANNOTATION_BYTES);
  const { data, locate } = parseYaml(file, content);
  const parsed = annotationSchema.safeParse(data);
  if (!parsed.success) throw new AnnotationError(zodIssues(file, parsed.error, locate, data));
  const annotation = parsed.data;

  const textFile = besideAnnotation(file, annotation.source.textFile, 'source.textFile', locate);
  const metaFile = besideAnnotation(file, annotation.source.metaFile, 'source.metaFile', locate);
  const text = await readText(textFile, MAX_SOURCE_TEXT_BYTES);
  const metaContent = await readText(metaFile, MAX_ANNOTATION_BYTES);
  const metaYaml = parseYaml(metaFile, metaContent);
  const meta = sourceMetaSchema.safeParse(metaYaml.data);
  if (!meta.success) throw new AnnotationError(zodIssues(metaFile, meta.error, metaYaml.locate, metaYaml.data));

  const compiled = compileAnnotation(annotation, text, meta.data);
  if (!compiled.ok) {
    throw new AnnotationError(
      compiled.issues.map((issue) => ({
        file,
        ...locate(issue.path),
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  return { file, annotation, meta: meta.data, text, graph: compiled.graph };
}
