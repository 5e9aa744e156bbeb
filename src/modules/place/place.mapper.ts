import { optionalText, text, type Properties } from '../../db/values';

export interface PlaceData {
  label: 'Place';
  key: string;
  name: string;
  kind: string;
  isoCode: string | null;
}

export const mapPlace = (properties: Properties): PlaceData => ({
  label: 'Place',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  kind: text(properties, 'kind'),
  isoCode: optionalText(properties, 'isoCode'),
});
