// The graph tab of the reader's side panel: a claim's lineage drawn as nodes around it, expanded
// by clicking a claim, the speaker or a metric.
import { $, request, setStatus } from './api';
import { chart, svgElement } from './chart';
import {
  ExploreClaimDocument,
  ExploreMetricDocument,
  ExploreSpeakerDocument,
  type ExploreClaimQuery,
  type ExploreEvidenceFragment,
  type ExploreMetricQuery,
} from './gql/graphql';

type Kind =
  'claim' | 'quote' | 'source' | 'publisher' | 'speaker' | 'role' | 'organization' | 'figure' | 'metric' | 'review';

interface GraphNode {
  id: string;
  kind: Kind;
  label: string;
  /** Lines shown in the details panel when the node is selected. */
  details: string[];
  x: number;
  y: number;
  /** What clicking the node loads, if anything. */
  expand?: { type: 'claim' | 'metric' | 'speaker'; id: string };
  expanded: boolean;
}

interface GraphEdge {
  from: string;
  to: string;
  label: string;
  tone?: 'supports' | 'contradicts';
}

const RADIUS: Record<Kind, number> = {
  claim: 34,
  quote: 26,
  source: 30,
  publisher: 26,
  speaker: 28,
  role: 24,
  organization: 24,
  figure: 26,
  metric: 30,
  review: 24,
};

const nodes = new Map<string, GraphNode>();
const edges: GraphEdge[] = [];
let series: ExploreMetricQuery['metric'] | undefined;

/** Places a new node on an arc around its parent, away from the graph's centre. */
function place(parent: GraphNode | undefined, index: number, count: number): { x: number; y: number } {
  if (!parent) return { x: 0, y: 0 };
  const isRoot = parent.x === 0 && parent.y === 0;
  const away = isRoot ? -Math.PI / 2 : Math.atan2(parent.y, parent.x);
  const spread = isRoot ? 2 * Math.PI : Math.min(Math.PI * 0.9, 0.5 * count);
  const angle = isRoot ? away + (2 * Math.PI * index) / count : away - spread / 2 + (spread * (index + 0.5)) / count;
  const distance = isRoot ? 230 : 170;
  return { x: parent.x + distance * Math.cos(angle), y: parent.y + distance * Math.sin(angle) };
}

type NodeInput = Omit<GraphNode, 'x' | 'y' | 'expanded'>;

/** Adds children around `parentId`; a node that is already drawn only gains the edge. */
function attach(
  parentId: string | undefined,
  children: { node: NodeInput; edge?: Omit<GraphEdge, 'from' | 'to'>; reverse?: boolean }[],
): void {
  const parent = parentId ? nodes.get(parentId) : undefined;
  const fresh = children.filter((child) => !nodes.has(child.node.id));
  children.forEach((child) => {
    if (!nodes.has(child.node.id)) {
      const position = place(parent, fresh.indexOf(child), fresh.length);
      nodes.set(child.node.id, { ...child.node, ...position, expanded: false });
    }
    if (parentId && child.edge) {
      const [from, to] = child.reverse ? [child.node.id, parentId] : [parentId, child.node.id];
      if (!edges.some((edge) => edge.from === from && edge.to === to && edge.label === child.edge?.label)) {
        edges.push({ from, to, ...child.edge });
      }
    }
  });
}

const claimNode = (id: string, text: string): NodeInput => ({
  id,
  kind: 'claim',
  label: text,
  details: [text],
  expand: { type: 'claim', id },
});

function evidenceChildren(links: ExploreEvidenceFragment[], direction: 'supporting' | 'contradicting') {
  return links.flatMap((link) => {
    const item = link.item;
    const tone = direction === 'supporting' ? ('supports' as const) : ('contradicts' as const);
    const edge = { label: `${tone.toUpperCase()} (${link.origin.toLowerCase()})`, tone };
    if (item.__typename === 'Claim') return [{ node: claimNode(item.id, item.text), edge, reverse: true }];
    if (item.__typename === 'Figure') {
      return [
        { node: { id: item.id, kind: 'figure' as const, label: item.name, details: [item.name] }, edge, reverse: true },
      ];
    }
    return [];
  });
}

type Lineage = ExploreClaimQuery['claim']['lineage'];
type Child = Parameters<typeof attach>[1][number];

const quoteChild = (claimId: string, { quote }: Lineage): Child => ({
  node: {
    id: `${claimId}#quote`,
    kind: 'quote',
    label: `“${quote.exact}”`,
    details: [`…${quote.prefix}[${quote.exact}]${quote.suffix}…`],
  },
  edge: { label: 'QUOTE' },
});

const sourceChild = ({ source }: Lineage): Child => ({
  node: {
    id: source.id,
    kind: 'source',
    label: source.title,
    details: [source.title, `published ${source.publishedDate}`, source.url],
  },
  edge: { label: 'APPEARS_IN' },
});

const speakerChild = (speaker: NonNullable<Lineage['speaker']>): Child => ({
  node: {
    id: speaker.id,
    kind: 'speaker',
    label: speaker.name,
    details: [`${speaker.name} (${speaker.__typename})`, 'Click to draw their other claims.'],
    expand: { type: 'speaker', id: speaker.id },
  },
  edge: { label: 'SAID_BY' },
});

const roleChild = (claimId: string, role: NonNullable<Lineage['role']>): Child => ({
  node: {
    id: `${claimId}#role`,
    kind: 'role',
    label: `as ${role.title}`,
    details: [
      `Spoken as ${role.title}${role.organization ? `, ${role.organization.name}` : ''} (${role.status.toLowerCase()})`,
    ],
  },
  edge: { label: 'SPOKEN_AS' },
});

const figureChild = ({ figure }: Lineage['figures'][number]): Child => ({
  node: {
    id: figure.id,
    kind: 'figure',
    label: figure.name,
    details: [figure.name, `${figure.value ?? 'no single value'} ${figure.unit}, ${figure.period.label}`],
  },
  edge: { label: 'CITES' },
});

const reviewChild = (review: Lineage['reviews'][number]): Child => ({
  node: {
    id: review.id,
    kind: 'review',
    label: `${review.ratingLabel} (${review.rating}/5)`,
    details: [`${review.ratingLabel} by ${review.reviewer}, ${review.datePublished}`, review.explanation],
  },
  edge: { label: 'REVIEWS' },
  reverse: true,
});

/** First ring, around the claim: its quote, source, speaker and role, the figures it cites, evidence, reviews. */
function claimChildren(claimId: string, lineage: Lineage): Child[] {
  return [
    quoteChild(claimId, lineage),
    sourceChild(lineage),
    ...(lineage.speaker ? [speakerChild(lineage.speaker)] : []),
    ...(lineage.role ? [roleChild(claimId, lineage.role)] : []),
    ...lineage.figures.map(figureChild),
    ...evidenceChildren(lineage.supporting, 'supporting'),
    ...evidenceChildren(lineage.contradicting, 'contradicting'),
    ...lineage.reviews.map(reviewChild),
  ];
}

/** Second ring: the publisher of the source, the organization of the role, the metric of each figure. */
function attachSecondRing(claimId: string, lineage: Lineage): void {
  const { publisher } = lineage;
  if (publisher) {
    attach(lineage.source.id, [
      {
        node: { id: publisher.id, kind: 'publisher', label: publisher.name, details: [publisher.name] },
        edge: { label: 'PUBLISHED_BY' },
      },
    ]);
  }
  const organization = lineage.role?.organization;
  if (organization) {
    attach(`${claimId}#role`, [
      {
        node: { id: organization.id, kind: 'organization', label: organization.name, details: [organization.name] },
        edge: { label: 'ROLE_AT' },
      },
    ]);
  }
  for (const { figure, metric } of lineage.figures) {
    if (!metric) continue;
    attach(figure.id, [
      {
        node: {
          id: metric.id,
          kind: 'metric',
          label: metric.name,
          details: [`${metric.name} (${metric.unit})`, 'Click to chart all its figures.'],
          expand: { type: 'metric', id: metric.id },
        },
        edge: { label: 'MEASURES' },
      },
    ]);
  }
}

/** Draws a claim's lineage in two rings around it; the claim is added first if it is not drawn yet. */
function addLineage(claim: ExploreClaimQuery['claim'], parentId?: string): void {
  if (!nodes.has(claim.id)) attach(parentId, [{ node: claimNode(claim.id, claim.text) }]);
  const root = nodes.get(claim.id);
  if (!root) return;
  root.expanded = true;
  root.details = [claim.text, `${claim.kind.toLowerCase()}, ${claim.attribution.toLowerCase().replace(/_/g, ' ')}`];
  attach(claim.id, claimChildren(claim.id, claim.lineage));
  attachSecondRing(claim.id, claim.lineage);
}

/** Draws `claim`'s lineage afresh, the claim selected. */
export function drawClaimGraph(claim: ExploreClaimQuery['claim']): void {
  nodes.clear();
  edges.length = 0;
  series = undefined;
  addLineage(claim);
  select(claim.id);
}

async function expand(node: GraphNode): Promise<void> {
  if (!node.expand || node.expanded) return;
  setStatus(`Expanding ${node.label}…`);
  if (node.expand.type === 'claim') {
    const { claim } = await request(ExploreClaimDocument, { id: node.expand.id });
    addLineage(claim, node.id);
  } else if (node.expand.type === 'metric') {
    const { metric } = await request(ExploreMetricDocument, { id: node.expand.id });
    series = metric;
    attach(
      node.id,
      metric.figures.edges.map(({ node: figure }) => ({
        node: {
          id: figure.id,
          kind: 'figure' as const,
          label: figure.name,
          details: [figure.name, `${figure.period.label}, reported in ${figure.source?.title ?? 'an unknown source'}`],
        },
        edge: { label: 'MEASURES' },
        reverse: true,
      })),
    );
  } else {
    const { node: speaker } = await request(ExploreSpeakerDocument, { id: node.expand.id });
    if (speaker && 'claims' in speaker) {
      attach(
        node.id,
        speaker.claims.edges.map(({ node: claim }) => ({
          node: claimNode(claim.id, claim.text),
          edge: { label: 'SAID_BY' },
          reverse: true,
        })),
      );
    }
  }
  node.expanded = true;
  setStatus(`Expanded ${node.label}.`);
}

function select(id: string): void {
  const node = nodes.get(id);
  draw(id);
  const panel = $('#details');
  panel.replaceChildren();
  if (!node) return;
  const heading = document.createElement('h2');
  heading.textContent = node.kind;
  panel.append(heading);
  for (const line of node.details) {
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    panel.append(paragraph);
  }
  if (series && (node.kind === 'metric' || node.kind === 'figure')) panel.append(chart(series));
}

/** Up to three lines of about 18 characters, the last one cut with an ellipsis. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > 18 && line) {
      lines.push(line);
      line = word;
    } else {
      line = (line + ' ' + word).trim();
    }
  }
  if (line) lines.push(line);
  if (lines.length > 3) return [...lines.slice(0, 2), `${lines[2]}…`];
  return lines;
}

function draw(selectedId?: string): void {
  const svg = $<HTMLElement>('#graph') as unknown as SVGSVGElement;
  svg.replaceChildren();
  if (nodes.size === 0) return;
  const all = [...nodes.values()];
  const pad = 90;
  const minX = Math.min(...all.map((node) => node.x)) - pad;
  const minY = Math.min(...all.map((node) => node.y)) - pad;
  const maxX = Math.max(...all.map((node) => node.x)) + pad;
  const maxY = Math.max(...all.map((node) => node.y)) + pad;
  svg.setAttribute('viewBox', `${minX} ${minY} ${maxX - minX} ${maxY - minY}`);

  const edgeLayer = svgElement('g', { class: 'edges' });
  for (const edge of edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from || !to) continue;
    const group = svgElement('g', { class: `edge ${edge.tone ?? ''}`.trim() });
    group.append(svgElement('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y }));
    const label = svgElement('text', { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 - 3 });
    label.textContent = edge.label;
    group.append(label);
    edgeLayer.append(group);
  }
  svg.append(edgeLayer);

  const nodeLayer = svgElement('g', { class: 'nodes' });
  for (const node of all) {
    const group = svgElement('g', {
      class: `node kind-${node.kind}${node.id === selectedId ? ' selected' : ''}${node.expand && !node.expanded ? ' expandable' : ''}`,
      transform: `translate(${node.x},${node.y})`,
      'data-kind': node.kind,
      'data-id': node.id,
      tabindex: 0,
      role: 'button',
    });
    const title = svgElement('title', {});
    title.textContent = node.details[0] ?? node.label;
    group.append(title, svgElement('circle', { r: RADIUS[node.kind] }));
    const lines = wrap(node.label);
    lines.forEach((text, index) => {
      const caption = svgElement('text', { y: RADIUS[node.kind] + 13 + index * 12, class: 'caption' });
      caption.textContent = text;
      group.append(caption);
    });
    const kind = svgElement('text', { y: 4, class: 'kind' });
    kind.textContent = node.kind;
    group.append(kind);
    group.addEventListener('click', () => void onNodeClick(node.id));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void onNodeClick(node.id);
    });
    nodeLayer.append(group);
  }
  svg.append(nodeLayer);
}

async function onNodeClick(id: string): Promise<void> {
  const node = nodes.get(id);
  if (!node) return;
  try {
    await expand(node);
    select(id);
  } catch (error) {
    setStatus((error as Error).message, true);
  }
}
