import type { ClaimData } from '../claim/claim.mapper';
import type { EntityData } from '../entities';
import type { OrganizationData } from '../organization/organization.mapper';
import type { RoleData } from '../person/person.mapper';
import type { SourceData } from '../source/source.mapper';
import type { ReviewData } from './review.mapper';

export { RATING_LABELS } from '../../domain/review';

export interface ClaimReviewParts {
  review: ReviewData;
  claim: ClaimData;
  speaker: EntityData | null;
  role: RoleData | null;
  source: SourceData | undefined;
  publisher: OrganizationData | null;
}

const SCHEMA_TYPES: Record<string, string> = { Person: 'Person', Organization: 'Organization' };

/**
 * A review as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview): claimReviewed,
 * reviewRating (ratingValue, bestRating, worstRating, alternateName), itemReviewed as a Claim
 * with its author and appearance, author, datePublished and url.
 */
export function toClaimReview({
  review,
  claim,
  speaker,
  role,
  source,
  publisher,
}: ClaimReviewParts): Record<string, unknown> {
  const author =
    speaker && 'name' in speaker
      ? {
          '@type': SCHEMA_TYPES[speaker.label] ?? 'Thing',
          name: speaker.name,
          ...(role ? { jobTitle: role.title } : {}),
        }
      : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(review.url ? { url: review.url } : {}),
    datePublished: review.datePublished,
    author: { '@type': 'Person', name: review.reviewer },
    claimReviewed: claim.text,
    reviewBody: review.explanation,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: review.rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: review.ratingLabel,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(source ? { datePublished: source.publishedDate } : {}),
      ...(source
        ? {
            appearance: {
              '@type': 'NewsArticle',
              url: source.url,
              headline: source.title,
              datePublished: source.publishedDate,
              ...(publisher ? { publisher: { '@type': 'Organization', name: publisher.name } } : {}),
            },
          }
        : {}),
    },
  };
}
