import { anchorInBody, type TextAnchor, type TextRange } from '../../domain/anchor';
import { badPeriodMessage, resolvePeriod, type ResolvedPeriod } from '../../domain/period';
import type { Annotation, Entities, SourceMeta } from '../annotation.schema';
import type { IssuePath, Issues } from '../issues';
import { KIND_OF_SECTION, NO_SHARED_ENTITIES, type SharedEntities } from '../shared-entities';

/**
 * What every section check of compile/ shares: the schema-valid annotation, the source text and
 * metadata, where problems are reported, and the ids the file declares. A check reports what is
 * wrong and answers what it resolved (anchors, periods) for rows.ts; undefined where it failed.
 */
export class Compilation {
  /** Every id is unique across the whole file: references such as `speaker` may point at several kinds. */
  private readonly kindOf = new Map<string, string>();
  /** Shared ids this file has not declared itself (yet). */
  private readonly shadowable = new Set<string>();
  /** Set by the source check: quotes are checked against it once it is known. */
  body: TextRange | undefined;
  /** The shared entities this file refers to: written with it (and what they refer to, see rows.ts). */
  readonly usedShared = new Set<string>();
  /** The entities the file may refer to: the shared ones, then those it declares itself (declarations.ts). */
  readonly entities: Entities;

  constructor(
    readonly annotation: Annotation,
    readonly text: string,
    readonly meta: SourceMeta,
    private readonly issues: Issues,
    readonly shared: SharedEntities = NO_SHARED_ENTITIES,
  ) {
    for (const [id, declaration] of shared.byId) {
      this.kindOf.set(id, KIND_OF_SECTION[declaration.section]);
      this.shadowable.add(id);
      if (declaration.section === 'people') {
        for (const role of (declaration.entry as Entities['people'][number]).roles) {
          this.kindOf.set(role.id, 'role');
          this.shadowable.add(role.id);
        }
      }
    }
    const own = <T extends { id: string }>(entries: T[]) => entries.filter((entry) => !shared.byId.has(entry.id));
    this.entities = {
      places: [...shared.entities.places, ...own(annotation.places)],
      organizations: [...shared.entities.organizations, ...own(annotation.organizations)],
      people: [...shared.entities.people, ...own(annotation.people)],
      virtualPresenters: [...shared.entities.virtualPresenters, ...own(annotation.virtualPresenters)],
      topics: [...shared.entities.topics, ...own(annotation.topics)],
      metrics: [...shared.entities.metrics, ...own(annotation.metrics)],
    };
  }

  kindOfId(id: string): string | undefined {
    return this.kindOf.get(id);
  }

  report(path: IssuePath, message: string): void {
    this.issues.report(path, message);
  }

  /** The file's own ids shadow shared ones: a claim may be called like a shared metric of another file. */
  declare(kind: string, id: string, path: IssuePath): void {
    const existing = this.shadowable.has(id) ? undefined : this.kindOf.get(id);
    this.shadowable.delete(id);
    if (existing) this.report(path, `duplicate id "${id}" (already used by a ${existing})`);
    else this.kindOf.set(id, kind);
  }

  /** Reports a reference to an id no entry of the allowed kinds declares. */
  expect(path: IssuePath, id: string | undefined, ...kinds: string[]): void {
    if (id === undefined) return;
    if (this.shadowable.has(id)) this.usedShared.add(id);
    const kind = this.kindOf.get(id);
    if (kind === undefined) this.report(path, `unknown id "${id}": no ${kinds.join(' or ')} has it`);
    else if (!kinds.includes(kind)) {
      this.report(path, `"${id}" is a ${kind}, but a ${kinds.join(' or ')} is required here`);
    }
  }

  expectAll(path: IssuePath, ids: string[], ...kinds: string[]): void {
    ids.forEach((id, index) => this.expect([...path, index], id, ...kinds));
  }

  period(path: IssuePath, expression: string, reference?: ResolvedPeriod): ResolvedPeriod | undefined {
    const resolved = resolvePeriod(expression, this.publishedDate, reference);
    if (!resolved) this.report(path, badPeriodMessage(expression));
    return resolved;
  }

  get publishedDate(): string {
    return this.meta.publishedDate;
  }

  /** A source recorded by its facts (publisher, title, date, URL) has no text: figures have locators. */
  get referenceOnly(): boolean {
    return this.annotation.source.textFile === undefined;
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
