// A metric's figures as a small line chart, for the graph tab.
import type { ExploreMetricQuery } from './gql/graphql';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The metric's figures over time as a small line chart (one point per figure, by period end). */
export function chart(metric: NonNullable<ExploreMetricQuery['metric']>): SVGSVGElement {
  const points = metric.figures.edges
    // A range or a ranking has no single value to plot.
    .flatMap(({ node }) =>
      node.value === null || node.value === undefined
        ? []
        : [{ time: Date.parse(node.period.end), value: node.value, label: node.period.label }],
    )
    .filter((point) => Number.isFinite(point.time))
    .sort((a, b) => a.time - b.time);
  const width = 280;
  const height = 150;
  const margin = 28;
  const svg = svgElement('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    'data-testid': 'metric-chart',
  });
  const title = svgElement('text', { x: 4, y: 14, class: 'chart-title' });
  title.textContent = metric.name;
  svg.append(title);
  if (points.length === 0) return svg;
  const times = points.map((point) => point.time);
  const values = points.map((point) => point.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (time: number) => (t1 === t0 ? width / 2 : margin + ((time - t0) / (t1 - t0)) * (width - 2 * margin));
  const y = (value: number) => height - margin - ((value - v0) / (v1 - v0 || 1)) * (height - 2 * margin);
  svg.append(
    svgElement('line', { x1: margin, y1: height - margin, x2: width - margin, y2: height - margin, class: 'axis' }),
  );
  svg.append(
    svgElement('polyline', {
      points: points.map((point) => `${x(point.time)},${y(point.value)}`).join(' '),
      class: 'series',
    }),
  );
  for (const point of points) {
    svg.append(svgElement('circle', { cx: x(point.time), cy: y(point.value), r: 4, class: 'point' }));
    const label = svgElement('text', { x: x(point.time), y: y(point.value) - 8, class: 'point-label' });
    label.textContent = `${point.value}`;
    const period = svgElement('text', { x: x(point.time), y: height - margin + 14, class: 'point-label' });
    period.textContent = point.label;
    svg.append(label, period);
  }
  return svg;
}

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}
