import { locateBody, type TextRange } from '../../domain/anchor';
import { ENTITY_KINDS, type Compilation } from './context';

/**
 * The source entry: its body (boilerplate before and after it may never be quoted), whom it links
 * to, and that its meta file describes its text file; or, for a source recorded by its facts, that
 * it has facts and nothing to quote. Sets `compilation.body` for the quote checks.
 */
export function checkSource(compilation: Compilation): TextRange | undefined {
  const { annotation, meta } = compilation;
  const { source } = annotation;
  compilation.expect(['source', 'publisher'], source.publisher, 'organization');
  compilation.expect(['source', 'interviewer'], source.interviewer, 'organization', 'person');
  compilation.expectAll(['source', 'interviewees'], source.interviewees, 'person');
  compilation.expectAll(['source', 'mentions'], source.mentions, ...ENTITY_KINDS);
  if (source.republishes.includes(source.id) || source.cites.includes(source.id)) {
    compilation.report(['source', 'id'], 'a source cannot republish or cite itself');
  }
  if (compilation.referenceOnly) {
    checkReferenceOnly(compilation);
    return undefined;
  }
  for (const field of ['metaFile', 'body'] as const) {
    if (source[field] === undefined)
      compilation.report(['source', field], 'missing required field (the source has a textFile)');
  }
  if (source.facts !== undefined)
    compilation.report(['source', 'facts'], 'a source with a textFile takes its facts from its metaFile');
  if (annotation.claims.length === 0) compilation.report(['claims'], 'an annotation must contain at least one claim');
  if (source.body === undefined) return undefined;
  const located = locateBody(compilation.text, source.body);
  if (located.ok) compilation.body = located.value;
  else {
    for (const violation of located.violations) {
      compilation.report(
        ['source', 'body', ...(violation.field === 'body' ? [] : [violation.field])],
        violation.message,
      );
    }
  }
  if (meta.file !== source.textFile?.split('/').pop()) {
    compilation.report(['source', 'metaFile'], `the meta file describes "${meta.file}", not "${source.textFile}"`);
  }
  return compilation.body;
}

/** Recorded by its facts: no text, so no body, no meta file and no claims (claims quote a text). */
function checkReferenceOnly(compilation: Compilation): void {
  const { source, claims } = compilation.annotation;
  if (source.facts === undefined) {
    compilation.report(
      ['source'],
      'a source needs a textFile and metaFile, or its facts (title, url, publishedDate, language)',
    );
  }
  for (const field of ['metaFile', 'body'] as const) {
    if (source[field] !== undefined)
      compilation.report(['source', field], 'a source recorded by its facts has no text');
  }
  if (claims.length > 0)
    compilation.report(['claims'], 'a source recorded by its facts has no text for a claim to quote');
}
