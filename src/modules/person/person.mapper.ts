import { textList, isoDate, optionalText, text, type Properties } from '../../db/values';
import type { Prefetched } from '../common/prefetched';
import type { OrganizationData } from '../organization/organization.mapper';
import type { RoleStatus } from '../../domain/vocabulary';

export interface PersonData {
  label: 'Person';
  key: string;
  name: string;
  sameAs: string[];
  description: string | null;
}

export type { RoleStatus };

export interface RoleData {
  label: 'Role';
  key: string;
  name: string;
  title: string;
  status: RoleStatus;
  from: string | null;
  to: string | null;
}

export const mapPerson = (properties: Properties): PersonData => ({
  label: 'Person',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  sameAs: textList(properties, 'sameAs'),
  description: optionalText(properties, 'description'),
});

export const mapRole = (properties: Properties): RoleData => ({
  label: 'Role',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  title: text(properties, 'title'),
  status: text(properties, 'status') as RoleStatus,
  from: isoDate(properties.from),
  to: isoDate(properties.to),
});

/** A role with the organization it is held at, as a claim's lineage fetches it. */
export type PrefetchedRole = Prefetched<RoleData, { organization: OrganizationData | null }>;
