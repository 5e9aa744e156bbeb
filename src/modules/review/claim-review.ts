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
 * What a reviewer found, as the properties of a schema.org ClaimReview (https://schema.org/ClaimReview):
 * claimReviewed, reviewRating (ratingValue, bestRating, worstRating, alternateName), author,
 * datePublished, reviewBody and url. The one builder of a ClaimReview: the embedded objects of
 * Claim.claimReview and the nodes of the JSON-LD export (src/export/source-jsonld.ts) each add only
 * how they name the claim reviewed.
 */
export function claimReviewOf(review: ReviewData, claimText: string): Record<string, unknown> {
  return {
    '@type': 'ClaimReview',
    ...(review.url ? { url: review.url } : {}),
    datePublished: review.datePublished,
    author: { '@type': 'Person', name: review.reviewer },
    claimReviewed: claimText,
    reviewBody: review.explanation,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: review.rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: review.ratingLabel,
    },
  };
}

/**
 * A review as a stand-alone ClaimReview JSON-LD object, ready to embed in a page: itemReviewed is
 * the Claim itself, with its author and appearance.
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
    ...claimReviewOf(review, claim.text),
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
