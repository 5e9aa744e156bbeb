import { anchorInBody, type TextAnchor, type TextRange } from '../../domain/anchor';
import { PERIOD_GRAMMAR, resolvePeriod, type ResolvedPeriod } from '../../domain/period';
import type { Annotation, SourceMeta } from '../annotation.schema';
import type { IssuePath, Issues } from '../issues';

/**
 * What every section check of compile/ shares: the schema-valid annotation, the source text and
 * metadata, where problems are reported, and the ids the file declares. A check reports what is
 * wrong and answers what it resolved (anchors, periods) for rows.ts; undefined where it failed.
 */
export class Compilation {
  /** Every id is unique across the whole file: references such as `speaker` may point at several kinds. */
  private readonly kindOf = new Map<string, string>();
  /** Set by the source check: quotes are checked against it once it is known. */
  body: TextRange | undefined;

  constructor(
    readonly annotation: Annotation,
    readonly text: string,
    readonly meta: SourceMeta,
    private readonly issues: Issues,
  ) {}

  report(path: IssuePath, message: string): void {
    this.issues.report(path, message);
  }

  declare(kind: string, id: string, path: IssuePath): void {
    const existing = this.kindOf.get(id);
    if (existing) this.report(path, `duplicate id "${id}" (already used by a ${existing})`);
    else this.kindOf.set(id, kind);
  }

  /** Reports a reference to an id no entry of the allowed kinds declares. */
  expect(path: IssuePath, id: string | undefined, ...kinds: string[]): void {
    if (id === undefined) return;
    const kind = this.kindOf.get(id);
    if (kind === undefined) this.report(path, `unknown id "${id}": no ${kinds.join(' or ')} has it`);
    else if (!kinds.includes(kind)) {
      this.report(path, `"${id}" is a ${kind}, but a ${kinds.join(' or ')} is required here`);
    }
  }

  expectAll(path: IssuePath, ids: string[], ...kinds: string[]): void {
    ids.forEach((id, index) => this.expect([...path, index], id, ...kinds));
  }

  period(path: IssuePath, expression: string): ResolvedPeriod | undefined {
    const resolved = resolvePeriod(expression, this.meta.publishedDate);
    if (!resolved) this.report(path, `bad period or date "${expression}"; write ${PERIOD_GRAMMAR}`);
    return resolved;
  }

  /** Anchors the quote of the entry at `path`, inside the body (domain/anchor.ts). */
  anchor(path: IssuePath, quote: string, occurrence: number | undefined): TextAnchor | undefined {
    const result = anchorInBody(this.text, this.body, quote, occurrence);
    if (result.ok) return result.value;
    for (const violation of result.violations) this.report([...path, violation.field], violation.message);
    return undefined;
  }
}

/** What may be mentioned by a source outside any claim. */
export const ENTITY_KINDS = ['place', 'organization', 'person', 'virtual presenter', 'topic', 'metric'];
