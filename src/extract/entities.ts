/**
 * The draft's people, organisations, places and metrics: each proposed once however often it
 * is mentioned, and linked to an existing entity when one has the same name (linking.ts).
 * Every mention is kept with its position, for speaker resolution.
 */
import { findKnown, findKnownMetric, normalizeName } from './linking';
import { IdAllocator } from './slug';
import type { KnownEntity, MetricDraft, OrganizationDraft, PersonDraft, PlaceDraft, Span, TopicDraft } from './types';

export interface Mention {
  id: string;
  kind: 'person' | 'organization' | 'place';
  start: number;
}

export class EntityBook {
  readonly places: PlaceDraft[] = [];
  readonly organizations: OrganizationDraft[] = [];
  readonly people: PersonDraft[] = [];
  readonly metrics: MetricDraft[] = [];
  readonly mentions: Mention[] = [];
  readonly ids = new IdAllocator();

  constructor(
    readonly known: readonly KnownEntity[],
    takenIds: readonly string[] = [],
  ) {
    // A new entity must never take an existing id by accident: ingesting the draft would merge
    // it with the other node (a topic, a target, a role) and overwrite that node's name.
    for (const id of [...known.map((entity) => entity.id), ...takenIds]) this.ids.reserve(id);
  }

  private mention(id: string, kind: Mention['kind'], span: Span): void {
    if (!this.mentions.some((m) => m.id === id && m.start === span.start))
      this.mentions.push({ id, kind, start: span.start });
  }

  addPlace(name: string, kind: PlaceDraft['kind'], span: Span, isoCode?: string): PlaceDraft {
    const key = normalizeName(name);
    let place = this.places.find((p) => normalizeName(p.name) === key);
    if (!place) {
      const known = findKnown(this.known, 'place', name);
      place = known
        ? {
            ...(known.declaration as Omit<PlaceDraft, 'spans' | 'existing' | 'confidence' | 'review'>),
            id: known.id,
            name: known.name,
            spans: [],
            existing: true,
            confidence: 0.95,
            review: [],
          }
        : {
            id: this.ids.allocate(name),
            name,
            kind,
            isoCode,
            spans: [],
            existing: false,
            confidence: isoCode ? 0.85 : 0.6,
            review: isoCode ? [] : [`kind "${kind}" is a guess`],
          };
      this.places.push(place);
    }
    place.spans.push(span);
    this.mention(place.id, 'place', span);
    return place;
  }

  findOrganization(name: string): OrganizationDraft | undefined {
    const key = normalizeName(name);
    return this.organizations.find((o) =>
      [o.name, o.fullName ?? '', ...(o.aliases ?? [])].some((n) => normalizeName(n) === key),
    );
  }

  private existingOrganization(known: KnownEntity, kind: string): OrganizationDraft {
    return {
      id: known.id,
      name: known.name,
      kind: String(known.declaration.kind ?? kind),
      spans: [],
      existing: true,
      confidence: 0.95,
      review: [],
    };
  }

  /**
   * The known organisation a linked role names, under the name the text gives it ("Ministry of
   * Industry and IT" for miit): later mentions of that name link to it too.
   */
  linkOrganization(id: string, name: string, span: Span): OrganizationDraft | undefined {
    let organization = this.organizations.find((o) => o.id === id);
    if (!organization) {
      const known = this.known.find((entity) => entity.kind === 'organization' && entity.id === id);
      if (!known) return undefined;
      organization = this.existingOrganization(known, 'organization');
      this.organizations.push(organization);
    }
    if (normalizeName(name) !== normalizeName(organization.name)) (organization.aliases ??= []).push(name);
    // The same name found earlier as a new organisation is this one: its mentions move here.
    const drafted = this.organizations.find((o) => !o.existing && normalizeName(o.name) === normalizeName(name));
    if (drafted) {
      this.organizations.splice(this.organizations.indexOf(drafted), 1);
      organization.spans.push(...drafted.spans);
      for (const mention of this.mentions) if (mention.id === drafted.id) mention.id = organization.id;
    }
    organization.spans.push(span);
    this.mention(organization.id, 'organization', span);
    return organization;
  }

  addOrganization(name: string, kind: string, span: Span | undefined, fullName?: string): OrganizationDraft {
    let organization = this.findOrganization(name) ?? (fullName ? this.findOrganization(fullName) : undefined);
    if (!organization) {
      const known =
        findKnown(this.known, 'organization', name) ??
        (fullName ? findKnown(this.known, 'organization', fullName) : undefined);
      organization = known
        ? this.existingOrganization(known, kind)
        : {
            id: this.ids.allocate(name, 6),
            name,
            fullName,
            kind,
            spans: [],
            existing: false,
            confidence: 0.7,
            review: [],
          };
      this.organizations.push(organization);
    } else if (fullName && !organization.fullName && !organization.existing && fullName !== organization.name) {
      organization.fullName = fullName;
    }
    if (span) {
      organization.spans.push(span);
      this.mention(organization.id, 'organization', span);
    }
    return organization;
  }

  findPerson(name: string): PersonDraft | undefined {
    const key = normalizeName(name);
    return this.people.find((p) => normalizeName(p.name) === key);
  }

  addPerson(name: string, span: Span): PersonDraft {
    let person = this.findPerson(name);
    if (!person) {
      const known = findKnown(this.known, 'person', name);
      person = known
        ? {
            id: known.id,
            name: known.name,
            roles: [],
            knownRoles: (known.declaration.roles as PersonDraft['knownRoles']) ?? [],
            spans: [],
            existing: true,
            shared: known.shared,
            confidence: 0.9,
            review: [],
          }
        : { id: this.ids.allocate(name, 5), name, roles: [], spans: [], existing: false, confidence: 0.75, review: [] };
      this.people.push(person);
    }
    person.spans.push(span);
    this.mention(person.id, 'person', span);
    return person;
  }

  /** Records a later mention of an entity ("Miao", "the ministry"), for pronoun resolution. */
  noteMention(id: string, kind: Mention['kind'], span: Span): void {
    this.mention(id, kind, span);
  }

  /** An existing topic with this name, linked: a cause or effect the graph already has. */
  knownTopic(name: string): TopicDraft | undefined {
    const known = findKnown(this.known, 'topic', name);
    return known ? { id: known.id, name: known.name, existing: true } : undefined;
  }

  addMetric(name: string, unit: string, placeId: string | undefined, description: string): MetricDraft {
    const existing = this.metrics.find(
      (m) => normalizeName(m.name) === normalizeName(name) && m.unit === unit && m.placeId === placeId,
    );
    if (existing) return existing;
    const known = findKnownMetric(this.known, name, unit, placeId);
    if (known && !this.metrics.some((m) => m.id === known.id)) {
      const metric: MetricDraft = {
        id: known.id,
        name: known.name,
        description: String(known.declaration.description ?? description),
        unit: known.unit ?? unit,
        placeId: known.placeId,
        existing: true,
      };
      this.metrics.push(metric);
      return metric;
    }
    if (known) return this.metrics.find((m) => m.id === known.id) as MetricDraft;
    const metric: MetricDraft = { id: this.ids.allocate(name, 6), name, description, unit, placeId, existing: false };
    this.metrics.push(metric);
    return metric;
  }
}
