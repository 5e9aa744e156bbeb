import { isoDate, number, optionalText, text, type Properties } from '../../db/values';

export interface ReviewData {
  label: 'Review';
  key: string;
  rating: number;
  ratingLabel: string;
  explanation: string;
  reviewer: string;
  datePublished: string;
  url: string | null;
}

export const mapReview = (properties: Properties): ReviewData => ({
  label: 'Review',
  key: text(properties, 'id'),
  rating: number(properties, 'rating'),
  ratingLabel: text(properties, 'ratingLabel'),
  explanation: text(properties, 'explanation'),
  reviewer: text(properties, 'reviewer'),
  datePublished: isoDate(properties.datePublished) as string,
  url: optionalText(properties, 'url'),
});
