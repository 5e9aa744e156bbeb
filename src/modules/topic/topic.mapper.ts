import { optionalText, text, type Properties } from '../../db/values';

export interface TopicData {
  label: 'Topic';
  key: string;
  name: string;
  description: string | null;
}

export const mapTopic = (properties: Properties): TopicData => ({
  label: 'Topic',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  description: optionalText(properties, 'description'),
});
