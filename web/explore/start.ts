// The start page at /explore: the sources newest first with their publisher and counts, the
// latest reviews, and (with ?q=) the claims matching a search.
import { el, request, setStatus } from './api';
import { ExploreStartDocument, SearchClaimsDocument, type ExploreStartQuery } from './gql/graphql';

const readerUrl = (sourceId: string, claimId?: string) =>
  `/explore/sources/${encodeURIComponent(sourceId)}${claimId ? `#claim=${encodeURIComponent(claimId)}` : ''}`;

function sourceCard({ node }: ExploreStartQuery['sources']['edges'][number]): HTMLElement {
  const item = el('li', 'card');
  item.dataset.testid = 'source-card';
  const link = el('a', undefined, node.title);
  link.href = readerUrl(node.id);
  item.append(link);
  item.append(el('p', 'meta', `${node.publisher?.name ?? 'Unknown publisher'} · ${node.publishedDate} · ${node.kind}`));
  const counts = el('p', 'counts');
  counts.dataset.testid = 'counts';
  counts.append(
    ...(['claims', 'figures', 'reviews'] as const).map((name) => {
      const count = el(
        'span',
        `count count-${name}`,
        `${node.counts[name]} ${node.counts[name] === 1 ? name.slice(0, -1) : name}`,
      );
      count.dataset.count = name;
      return count;
    }),
  );
  item.append(counts);
  return item;
}

function reviewItem(review: ExploreStartQuery['latestReviews'][number]): HTMLElement {
  const item = el('li', 'card');
  item.dataset.testid = 'review';
  item.append(el('span', `verdict rating-${review.rating}`, review.ratingLabel));
  if (review.claim) {
    const link = el('a', undefined, ` ${review.claim.text}`);
    link.href = readerUrl(review.claim.source.id, review.claim.id);
    item.append(link);
  }
  item.append(el('p', 'meta', `${review.reviewer}, ${review.datePublished}: ${review.explanation}`));
  return item;
}

async function results(query: string): Promise<HTMLElement> {
  const part = el('section', 'results');
  part.append(el('h2', undefined, `Claims matching “${query}”`));
  const { search } = await request(SearchClaimsDocument, { query });
  const claims = search.flatMap((result) => (result.node.__typename === 'Claim' ? [result.node] : []));
  const list = el('ol', 'cards');
  for (const claim of claims) {
    const item = el('li', 'card');
    const link = el('a', undefined, claim.text);
    link.dataset.testid = 'result';
    link.href = readerUrl(claim.source.id, claim.id);
    item.append(link, el('p', 'meta', [claim.speaker?.name, claim.source.title].filter(Boolean).join(' · ')));
    list.append(item);
  }
  part.append(claims.length ? list : el('p', 'none', 'No claim matches.'));
  return part;
}

export async function showStart(view: HTMLElement, query: string): Promise<void> {
  setStatus('Loading the sources…');
  const [{ sources, latestReviews }, found] = await Promise.all([
    request(ExploreStartDocument, {}),
    query ? results(query) : Promise.resolve(undefined),
  ]);
  const list = el('section', 'sources');
  list.append(el('h2', undefined, `Sources (${sources.totalCount}), newest first`));
  const cards = el('ol', 'cards');
  cards.append(...sources.edges.map(sourceCard));
  list.append(sources.edges.length ? cards : el('p', 'none', 'No source yet: run npm run seed.'));
  const reviews = el('section', 'reviews');
  reviews.append(el('h2', undefined, 'Latest reviews'));
  const reviewList = el('ol', 'cards');
  reviewList.append(...latestReviews.map(reviewItem));
  reviews.append(latestReviews.length ? reviewList : el('p', 'none', 'No claim has been reviewed yet.'));
  const page = el('div', 'start');
  page.append(...(found ? [found] : []), list, reviews);
  view.replaceChildren(page);
  setStatus(
    `${sources.totalCount} ${sources.totalCount === 1 ? 'source' : 'sources'}. Open one to read it with its claims highlighted.`,
  );
}
