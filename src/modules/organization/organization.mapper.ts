import { textList, optionalText, text, type Properties } from '../../db/values';

export interface OrganizationData {
  label: 'Organization';
  key: string;
  name: string;
  sameAs: string[];
  fullName: string | null;
  kind: string;
}

export const mapOrganization = (properties: Properties): OrganizationData => ({
  label: 'Organization',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  sameAs: textList(properties, 'sameAs'),
  fullName: optionalText(properties, 'fullName'),
  kind: text(properties, 'kind'),
});
