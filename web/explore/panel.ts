// The side panel of the reader: the selected claim's lineage (speaker and role, figures with
// same-period comparisons, the provenance chain, evidence for and against, reviews), and the
// graph view of the same lineage as a second tab.
import { $, el, lower, request, setStatus } from './api';
import { drawClaimGraph } from './graph';
import { ExploreClaimDocument, type ExploreClaimQuery, type ExploreEvidenceFragment } from './gql/graphql';

type Claim = ExploreClaimQuery['claim'];
type Lineage = Claim['lineage'];

let current: Claim | undefined;

function section(title: string, items: (string | HTMLElement)[], empty: string, testid?: string): HTMLElement {
  const part = el('section', 'lineage-part');
  if (testid) part.dataset.testid = testid;
  part.append(el('h3', undefined, title));
  if (items.length === 0) {
    part.append(el('p', 'none', empty));
    return part;
  }
  const list = el('ul');
  for (const item of items) {
    const entry = el('li');
    entry.append(item);
    list.append(entry);
  }
  part.append(list);
  return part;
}

function speakerLine(lineage: Lineage): string[] {
  if (!lineage.speaker) return [];
  const role = lineage.role;
  const held = role ? `, ${role.title}${role.organization ? ` at ${role.organization.name}` : ''}` : '';
  return [`${lineage.speaker.name}${held}${role ? ` (${lower(role.status)})` : ''}`];
}

function figureItem({ figure, metric, samePeriod }: Lineage['figures'][number]): HTMLElement {
  const item = el('div', 'figure-line');
  const value = figure.value ?? 'no single value';
  item.append(el('strong', undefined, `${figure.name}: ${value} ${figure.unit}, ${figure.period.label}`));
  if (metric) item.append(el('small', undefined, ` · metric: ${metric.name}`));
  const comparisons = samePeriod.map((comparison) => {
    const other = comparison.figure;
    const where = [other.source?.publisher?.name, other.source?.title].filter(Boolean).join(', ');
    const verdict = comparison.consistent ? 'consistent' : 'inconsistent';
    return `${other.value ?? other.name} ${other.unit} in ${where || 'another source'}: ${verdict} (${comparison.reason})`;
  });
  item.append(section('Same period elsewhere', comparisons, 'No other source reports this period.'));
  return item;
}

function hopLine(hop: Lineage['provenance'][number]): string {
  const agent = hop.agent
    ? 'name' in hop.agent
      ? hop.agent.name
      : 'title' in hop.agent
        ? hop.agent.title
        : hop.agent.__typename
    : undefined;
  const evidence = hop.quote ? `“${hop.quote.exact}”` : hop.locator ? `at ${hop.locator}` : '';
  return [
    lower(hop.relation),
    agent ? `by ${agent}` : '',
    hop.source ? `in ${hop.source.title}` : '',
    hop.figure ? `(${hop.figure.name})` : '',
    evidence,
  ]
    .filter(Boolean)
    .join(' ');
}

const evidenceLine = (link: ExploreEvidenceFragment): string =>
  `${link.item.__typename === 'Claim' ? link.item.text : link.item.__typename === 'Figure' ? link.item.name : ''} (${lower(link.origin)})`;

function lineageView(claim: Claim): HTMLElement {
  const { lineage } = claim;
  const view = el('div', 'lineage');
  view.dataset.testid = 'lineage';
  view.append(
    el('p', 'claim-text', claim.text),
    el('p', 'meta', `${lower(claim.kind)}, ${lower(claim.attribution)} · “${lineage.quote.exact}”`),
    section('Speaker and role', speakerLine(lineage), 'No speaker recorded.', 'lineage-speaker'),
    section('Figures', lineage.figures.map(figureItem), 'The claim cites no figure.', 'lineage-figures'),
    section('Provenance', lineage.provenance.map(hopLine), 'No provenance recorded.', 'lineage-provenance'),
    section('Evidence for', lineage.supporting.map(evidenceLine), 'None linked.'),
    section('Evidence against', lineage.contradicting.map(evidenceLine), 'None linked.'),
    section(
      'Reviews',
      lineage.reviews.map(
        (review) =>
          `${review.ratingLabel} (${review.rating}/5) by ${review.reviewer}, ${review.datePublished}: ${review.explanation}`,
      ),
      'Not reviewed yet.',
      'lineage-reviews',
    ),
  );
  return view;
}

function showTab(tab: 'lineage' | 'graph'): void {
  for (const name of ['lineage', 'graph'] as const) {
    const button = $(`#tab-${name}`);
    button.setAttribute('aria-selected', String(name === tab));
    button.tabIndex = name === tab ? 0 : -1;
    $(`#pane-${name}`).hidden = name !== tab;
  }
  if (tab === 'graph' && current) drawClaimGraph(current);
}

export function setUpPanel(): void {
  $('#tab-lineage').addEventListener('click', () => showTab('lineage'));
  $('#tab-graph').addEventListener('click', () => showTab('graph'));
  // The tab list follows the ARIA pattern: only the selected tab is in the Tab order, arrows switch.
  $('[role="tablist"]').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = $('#tab-lineage').getAttribute('aria-selected') === 'true' ? 'graph' : 'lineage';
    showTab(next);
    $(`#tab-${next}`).focus();
  });
  $('#panel-close').addEventListener('click', () => {
    $('#panel').hidden = true;
    document.querySelector<HTMLElement>('mark.claim.selected')?.focus();
  });
  $('#panel').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') $('#panel-close').click();
  });
}

/** Loads the claim's lineage into the panel and shows it, on the lineage tab unless the graph is open. */
export async function openPanel(id: string): Promise<void> {
  const panel = $('#panel');
  panel.hidden = false;
  $('#pane-lineage').replaceChildren(el('p', 'none', 'Loading the lineage…'));
  const { claim } = await request(ExploreClaimDocument, { id });
  current = claim;
  $('#pane-lineage').replaceChildren(lineageView(claim));
  showTab($('#tab-graph').getAttribute('aria-selected') === 'true' ? 'graph' : 'lineage');
  setStatus(`Lineage of: ${claim.text}`);
}
