// The source reader at /explore/sources/<id>: the raw text of the body with every claim's quote
// highlighted at its stored code-point offsets, coloured by attribution, the figures inside them
// marked, and a verdict badge after each reviewed claim.
import { el, lower, request, setStatus } from './api';
import { ExploreSourceDocument, type ExploreSourceQuery } from './gql/graphql';
import { openPanel } from './panel';
import { segment, type Segment } from './segments';

type Source = ExploreSourceQuery['source'];
type Claim = Source['claims']['edges'][number]['node'];

const ATTRIBUTIONS = ['DIRECT_QUOTE', 'PARAPHRASE', 'NARRATION'] as const;

function legend(): HTMLElement {
  const list = el('ul', 'legend');
  list.setAttribute('aria-label', 'Highlight colours');
  for (const attribution of ATTRIBUTIONS) {
    const item = el('li');
    item.append(el('span', `swatch attr-${attribution}`), ` ${lower(attribution)}`);
    list.append(item);
  }
  const figure = el('li');
  figure.append(el('span', 'swatch figure'), ' figure');
  list.append(figure);
  return list;
}

function header(source: Source): HTMLElement {
  const head = el('header', 'source-head');
  head.append(el('h2', undefined, source.title));
  const meta = el('p', 'meta');
  meta.append(
    `${source.publisher?.name ?? 'Unknown publisher'} · ${source.publishedDate} · ${source.kind} · ` +
      `${source.counts.claims} claims, ${source.counts.figures} figures, ${source.counts.reviews} reviews · `,
  );
  const link = el('a', undefined, 'original');
  link.href = source.url;
  link.rel = 'noreferrer';
  meta.append(link);
  head.append(meta, legend());
  return head;
}

function verdict(claim: Claim): HTMLElement | undefined {
  const review = claim.reviews[0];
  if (!review) return undefined;
  const badge = el('span', `verdict rating-${review.rating}`, review.ratingLabel);
  badge.dataset.testid = 'verdict';
  badge.title = `Reviewed: ${review.ratingLabel} (${review.rating}/5)`;
  return badge;
}

/** One run of text: plain, or a claim's mark (with the figures inside it) that opens the panel. */
function run(part: Segment, claims: Map<string, Claim>, onSelect: (id: string) => void): Node {
  let inner: Node = document.createTextNode(part.text);
  if (part.figures.length) {
    const figure = el('span', 'figure', part.text);
    figure.title = 'A figure the claim cites';
    figure.dataset.figures = part.figures.join(' ');
    inner = figure;
  }
  const primary = part.claims[0];
  const claim = primary ? claims.get(primary) : undefined;
  if (!claim) return inner;
  const mark = el('mark', `claim attr-${claim.attribution}`);
  mark.dataset.claim = claim.id;
  mark.dataset.claims = part.claims.join(' ');
  mark.tabIndex = 0;
  mark.setAttribute('role', 'button');
  mark.setAttribute('aria-label', `${lower(claim.attribution)}: ${claim.text}`);
  mark.append(inner);
  mark.addEventListener('click', () => onSelect(claim.id));
  mark.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(claim.id);
    }
  });
  return mark;
}

/** The body (or the whole text) as runs; each claim's verdict badge follows its last run. */
function article(source: Source, onSelect: (id: string) => void): HTMLElement {
  const text = source.text ?? '';
  const claims = source.claims.edges.map(({ node }) => node);
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const from = source.body?.start ?? 0;
  const to = source.body?.end ?? Array.from(text).length;
  const parts = segment(
    text,
    from,
    to,
    claims.map((claim) => ({ id: claim.id, start: claim.quote.start, end: claim.quote.end })),
    claims.flatMap((claim) =>
      claim.figures.flatMap((figure) =>
        figure.quote ? [{ id: figure.id, start: figure.quote.start, end: figure.quote.end }] : [],
      ),
    ),
  );
  const lastRun = new Map<string, number>();
  parts.forEach((part, index) => part.claims.forEach((id) => lastRun.set(id, index)));
  const body = el('div', 'source-text');
  body.dataset.testid = 'source-text';
  parts.forEach((part, index) => {
    body.append(run(part, byId, onSelect));
    for (const id of part.claims) {
      const claim = byId.get(id);
      const badge = claim && lastRun.get(id) === index ? verdict(claim) : undefined;
      if (badge) body.append(badge);
    }
  });
  return body;
}

function select(view: HTMLElement, id: string): void {
  for (const mark of view.querySelectorAll<HTMLElement>('mark.claim')) {
    mark.classList.toggle('selected', (mark.dataset.claims ?? '').split(' ').includes(id));
  }
  history.replaceState(null, '', `#claim=${encodeURIComponent(id)}`);
  openPanel(id).catch((error: Error) => setStatus(error.message, true));
}

export async function showReader(view: HTMLElement, sourceId: string): Promise<void> {
  const started = performance.now();
  setStatus('Loading the source…');
  const { source } = await request(ExploreSourceDocument, { id: sourceId });
  const fetched = performance.now();
  document.title = `${source.title} · lineage explorer`;
  const page = el('article', 'reader');
  page.append(header(source));
  if (source.referenceOnly || !source.text) {
    page.append(el('p', 'empty', 'This source is known by its facts only (a dataset or report): it has no text.'));
  } else {
    page.append(article(source, (id) => select(view, id)));
  }
  view.replaceChildren(page);
  const rendered = performance.now();
  Object.assign(window, {
    __readerTiming: { fetchMs: fetched - started, renderMs: rendered - fetched, totalMs: rendered },
  });
  setStatus(`${source.counts.claims} claims. Select a highlight (click, or Tab then Enter) to see its lineage.`);
  const wanted = new URLSearchParams(location.hash.slice(1)).get('claim');
  if (wanted && source.claims.edges.some(({ node }) => node.id === wanted)) select(view, wanted);
}
