import type { Annotation, SourceMeta } from '../annotation.schema';
import { Issues, type AnnotationIssue } from '../issues';
import type { SourceGraph } from '../source-graph';
import { checkClaims } from './claims';
import { Compilation } from './context';
import { declareIds } from './declarations';
import { checkEntities } from './entities';
import { checkFigures } from './figures';
import { buildRows } from './rows';
import { checkSource } from './source';
import { checkProjections, checkTargets } from './targets';

export type CompileResult = { ok: true; graph: SourceGraph } | { ok: false; issues: AnnotationIssue[] };

/**
 * Turns a schema-valid annotation into the rows ingestion writes, checking everything the schema
 * alone cannot, a section at a time: ids and references, the body and quote anchoring inside it,
 * units against metrics, periods, projections against their targets, and claims. Every problem is
 * reported to `issues` (located in the file when the caller knows where). Pure: no I/O.
 */
export function compileAnnotation(
  annotation: Annotation,
  text: string,
  meta: SourceMeta,
  issues: Issues = new Issues('annotation'),
): CompileResult {
  const compilation = new Compilation(annotation, text, meta, issues);
  declareIds(compilation);
  const body = checkSource(compilation);
  checkEntities(compilation);
  const figures = checkFigures(compilation);
  const targets = checkTargets(compilation);
  const projections = checkProjections(compilation, targets);
  const claims = checkClaims(compilation);
  if (!issues.empty) return { ok: false, issues: issues.list };
  return { ok: true, graph: buildRows(annotation, text, meta, { body, figures, targets, projections, claims }) };
}
