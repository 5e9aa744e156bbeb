import type { ZodError, ZodType } from 'zod';

import { AnnotationError, Issues } from './issues';
import type { YamlDocument } from './read-annotation';

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

/**
 * Checks a document against its schema (annotation.schema.ts) and answers the typed value with
 * defaults applied, or throws AnnotationError with every schema problem, located in the file.
 */
export function validate<T>(document: YamlDocument, schema: ZodType<T>): T {
  const parsed = schema.safeParse(document.data);
  if (parsed.success) return parsed.data;
  const issues = new Issues(document.file, document.locate);
  for (const issue of parsed.error.issues) {
    const issuePath = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    issues.report(issuePath, describeZodIssue(issue, document.data));
  }
  throw new AnnotationError(issues.list);
}
