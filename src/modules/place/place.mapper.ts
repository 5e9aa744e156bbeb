import { textList, optionalText, text, type Properties } from '../../db/values';

export interface PlaceData {
  label: 'Place';
  key: string;
  name: string;
  sameAs: string[];
  kind: string;
  isoCode: string | null;
}

export const mapPlace = (properties: Properties): PlaceData => ({
  label: 'Place',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  sameAs: textList(properties, 'sameAs'),
  kind: text(properties, 'kind'),
  isoCode: optionalText(properties, 'isoCode'),
});
