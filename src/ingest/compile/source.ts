import { locateBody, type TextRange } from '../../domain/anchor';
import { ENTITY_KINDS, type Compilation } from './context';

/**
 * The source entry: its body (boilerplate before and after it may never be quoted), whom it links
 * to, and that its meta file describes its text file. Sets `compilation.body` for the quote checks.
 */
export function checkSource(compilation: Compilation): TextRange | undefined {
  const { annotation, text, meta } = compilation;
  const { source } = annotation;
  const located = locateBody(text, source.body);
  if (located.ok) compilation.body = located.value;
  else {
    for (const violation of located.violations) {
      compilation.report(
        ['source', 'body', ...(violation.field === 'body' ? [] : [violation.field])],
        violation.message,
      );
    }
  }
  compilation.expect(['source', 'publisher'], source.publisher, 'organization');
  compilation.expect(['source', 'interviewer'], source.interviewer, 'organization', 'person');
  compilation.expectAll(['source', 'interviewees'], source.interviewees, 'person');
  compilation.expectAll(['source', 'mentions'], source.mentions, ...ENTITY_KINDS);
  if (meta.file !== source.textFile.split('/').pop()) {
    compilation.report(['source', 'metaFile'], `the meta file describes "${meta.file}", not "${source.textFile}"`);
  }
  return compilation.body;
}
