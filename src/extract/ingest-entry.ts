/**
 * The only file of src/extract/ that imports ingestion: its public entry points (the format's
 * vocabularies, the schema and the pipeline that `npm run ingest -- --dry-run` runs). When
 * ingestion moves, only these imports change.
 */
export { attributions, claimKinds, comparators, qualifiers } from '../domain/vocabulary';
export { annotationSchema, entitiesSchema, sourceMetaSchema } from '../ingest/annotation.schema';
export type { Annotation, Entities, SourceMeta } from '../ingest/annotation.schema';
export { entitiesDirectoryFor } from '../ingest/shared-entities';
export { loadAnnotation as readAnnotation } from '../ingest/ingest';
export { compileAnnotation } from '../ingest/compile';
export { AnnotationError, formatIssue, Issues } from '../ingest/issues';
export type { SourceGraph } from '../ingest/source-graph';
