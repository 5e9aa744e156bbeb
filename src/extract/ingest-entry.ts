/**
 * The only file of src/extract/ that imports src/ingest/: its public entry points (the format's
 * enums, the schema and the validator that `npm run ingest -- --dry-run` runs). When ingestion
 * moves, only these imports change.
 */
export {
  annotationSchema,
  attributions,
  claimKinds,
  comparators,
  qualifiers,
  sourceMetaSchema,
} from '../ingest/annotation.schema';
export type { Annotation, SourceMeta } from '../ingest/annotation.schema';
export { compileAnnotation } from '../ingest/compile';
export { readAnnotation, AnnotationError, formatIssue } from '../ingest/read-annotation';
export type { SourceGraph } from '../ingest/source-graph';
