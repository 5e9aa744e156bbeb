// Cuts a source's text into runs at every quote boundary. Stored offsets count Unicode code
// points; JavaScript strings index UTF-16 code units, so the text is split into code points
// (Array.from) first and every slice is taken from that array, never from the string.

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** Code-point offsets of the run in the whole text. */
  start: number;
  end: number;
  /** The claims whose quotes cover the run, shortest first. */
  claims: string[];
  /** The figures whose quotes cover the run. */
  figures: string[];
}

const covering = (spans: Span[], start: number, end: number): Span[] =>
  spans.filter((span) => span.start <= start && end <= span.end);

/** The text from `from` to `to` (code points) in runs, each covered by the same claims and figures. */
export function segment(text: string, from: number, to: number, claims: Span[], figures: Span[]): Segment[] {
  const points = Array.from(text);
  const inside = (span: Span) => span.start >= from && span.end <= to && span.start < span.end;
  const usable = { claims: claims.filter(inside), figures: figures.filter(inside) };
  const cuts = new Set<number>([from, to]);
  for (const span of [...usable.claims, ...usable.figures]) cuts.add(span.start).add(span.end);
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const start = sorted[index] as number;
    const end = sorted[index + 1] as number;
    segments.push({
      text: points.slice(start, end).join(''),
      start,
      end,
      claims: covering(usable.claims, start, end)
        .sort((a, b) => a.end - a.start - (b.end - b.start))
        .map((span) => span.id),
      figures: covering(usable.figures, start, end).map((span) => span.id),
    });
  }
  return segments;
}
