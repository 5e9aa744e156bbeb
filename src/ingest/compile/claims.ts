import type { TextAnchor } from '../../domain/anchor';
import type { AnnotationClaim } from '../annotation.schema';
import type { Compilation } from './context';

export interface CheckedClaim {
  claim: AnnotationClaim;
  anchor: TextAnchor | undefined;
}

/**
 * Claims: who said them in which role (narration is the publisher's own voice), what they refer
 * to, that a causal claim names causes and effects, that none backs itself, and their quote.
 */
export function checkClaims(compilation: Compilation): CheckedClaim[] {
  const { annotation } = compilation;
  const roleOwner = new Map(annotation.people.flatMap((person) => person.roles.map((role) => [role.id, person.id])));
  const publisher = annotation.source.publisher;
  return annotation.claims.map((claim, index) => {
    const path = ['claims', index];
    compilation.expect([...path, 'speaker'], claim.speaker, 'person', 'organization', 'virtual presenter');
    compilation.expect([...path, 'role'], claim.role, 'role');
    const owner = claim.role === undefined ? undefined : roleOwner.get(claim.role);
    if (owner !== undefined && owner !== claim.speaker) {
      compilation.report(
        [...path, 'role'],
        `role "${claim.role}" belongs to "${owner}", not to the speaker "${claim.speaker}"`,
      );
    }
    if (claim.attribution === 'narration' && claim.speaker !== publisher) {
      compilation.report(
        [...path, 'speaker'],
        `narration is the outlet's own voice: its speaker must be the publisher "${publisher}"`,
      );
    }
    checkClaimReferences(compilation, claim, path);
    if (claim.kind === 'causal' && (claim.causes.length === 0 || claim.effects.length === 0)) {
      compilation.report([...path, 'kind'], 'a causal claim needs at least one cause and one effect');
    }
    for (const other of [...claim.supports, ...claim.contradicts]) {
      if (other === claim.id) compilation.report([...path, 'supports'], 'a claim cannot support or contradict itself');
    }
    return { claim, anchor: compilation.anchor(path, claim.quote, claim.occurrence) };
  });
}

function checkClaimReferences(compilation: Compilation, claim: AnnotationClaim, path: (string | number)[]): void {
  compilation.expectAll([...path, 'figures'], claim.figures, 'figure');
  compilation.expectAll([...path, 'metrics'], claim.metrics, 'metric');
  compilation.expectAll([...path, 'targets'], claim.targets, 'target');
  compilation.expectAll([...path, 'projections'], claim.projections, 'projection');
  compilation.expectAll([...path, 'topics'], claim.topics, 'topic');
  compilation.expectAll([...path, 'causes'], claim.causes, 'topic');
  compilation.expectAll([...path, 'effects'], claim.effects, 'topic');
  compilation.expectAll([...path, 'supports'], claim.supports, 'claim');
  compilation.expectAll([...path, 'contradicts'], claim.contradicts, 'claim');
}
