import type { Driver } from 'neo4j-driver';

/*
 * Builders of small graphs in the model of issue #14 (/work/spec-14.md, docs/model.md): sources
 * (reference-only ones too), organisations, people, metrics, places, figures of every shape, claims,
 * and the provenance links between them. Each writes with one Cypher statement. Every id must start
 * with "test-" (checked), so deleteTestNodes(driver, prefix) removes what a test built.
 */

const checked = (id: string): string => {
  if (!id.startsWith('test-')) throw new Error(`test graph ids must start with "test-", got "${id}"`);
  return id;
};

async function writeOne(driver: Driver, what: string, cypher: string, params: Record<string, unknown>) {
  const { records } = await driver.executeQuery(cypher, params);
  if (records.length !== 1) throw new Error(`could not create ${what}: a node it refers to is missing`);
}

export interface TestSource {
  id: string;
  title?: string;
  kind?: 'article' | 'interview' | 'report' | 'speech' | 'dataset';
  publishedDate?: string;
  url?: string;
  /** The text; null records the source by its facts only (referenceOnly, length 0, no body). */
  text?: string | null;
  publisherId?: string;
}

export async function insertSource(driver: Driver, source: TestSource): Promise<void> {
  const text = source.text === undefined ? `Body of ${source.id}: 新能源汽车 sales.` : source.text;
  await writeOne(
    driver,
    `source ${source.id}`,
    `CREATE (s:Source {id: $id, name: $title, title: $title, kind: $kind, url: $url,
                       publishedDate: date($publishedDate), language: 'en', text: $text,
                       contentHash: CASE WHEN $text IS NULL THEN null ELSE 'test-hash' END,
                       length: coalesce(size($text), 0), bodyStart: CASE WHEN $text IS NULL THEN null ELSE 0 END,
                       bodyEnd: size($text), referenceOnly: $text IS NULL})
     WITH s
     CALL (s) {
       OPTIONAL MATCH (publisher:Organization {id: $publisherId})
       FOREACH (_ IN CASE WHEN publisher IS NULL THEN [] ELSE [1] END | CREATE (s)-[:PUBLISHED_BY]->(publisher))
     }
     RETURN s`,
    {
      id: checked(source.id),
      title: source.title ?? `Title of ${source.id}`,
      kind: source.kind ?? 'article',
      url: source.url ?? `https://news.example/${source.id}`,
      publishedDate: source.publishedDate ?? '2025-01-20',
      text,
      publisherId: source.publisherId ?? null,
    },
  );
}

export async function insertOrganization(
  driver: Driver,
  organization: { id: string; name: string; kind?: string; fullName?: string },
): Promise<void> {
  await writeOne(
    driver,
    `organization ${organization.id}`,
    'CREATE (o:Organization {id: $id, name: $name, kind: $kind, fullName: $fullName}) RETURN o',
    {
      id: checked(organization.id),
      name: organization.name,
      kind: organization.kind ?? 'association',
      fullName: organization.fullName ?? null,
    },
  );
}

export async function insertPerson(driver: Driver, person: { id: string; name: string }): Promise<void> {
  await writeOne(driver, `person ${person.id}`, 'CREATE (p:Person {id: $id, name: $name}) RETURN p', {
    id: checked(person.id),
    name: person.name,
  });
}

export async function insertMetric(driver: Driver, metric: { id: string; name: string; unit: string }) {
  await writeOne(
    driver,
    `metric ${metric.id}`,
    'CREATE (m:Metric {id: $id, name: $name, description: $name, unit: $unit}) RETURN m',
    { ...metric, id: checked(metric.id) },
  );
}

export async function insertPlace(driver: Driver, place: { id: string; name: string }): Promise<void> {
  await writeOne(driver, `place ${place.id}`, "CREATE (p:Place {id: $id, name: $name, kind: 'country'}) RETURN p", {
    ...place,
    id: checked(place.id),
  });
}

export interface TestFigure {
  id: string;
  /** The source that reports it (REPORTED_IN, and its sourceId). */
  sourceId: string;
  metricId: string;
  placeId?: string;
  /** The value as written; null for a range or a ranking. */
  decimal: string | null;
  qualifier?: string;
  kind?: 'observation' | 'forecast' | 'estimate' | 'derived';
  unit?: string;
  lowDecimal?: string | null;
  highDecimal?: string | null;
  rank?: number;
  rankOf?: string;
  changeType?: 'absolute' | 'percent' | 'percentage-points';
  operation?: 'ratio' | 'difference' | 'sum' | 'product' | 'percent-change';
  /** A year ("2023") or [start, end, label]. */
  period: string | [string, string, string];
  /** Where in a dataset or report; then the figure has no quote. */
  locator?: string;
}

const toFloat = (decimal: string | null | undefined) => (decimal == null ? null : Number(decimal));

export async function insertFigure(driver: Driver, figure: TestFigure): Promise<void> {
  const [periodStart, periodEnd, periodLabel] =
    typeof figure.period === 'string'
      ? [`${figure.period}-01-01`, `${figure.period}-12-31`, figure.period]
      : figure.period;
  const name = `${figure.decimal ?? figure.rank ?? 'range'} ${figure.unit ?? 'percent'} (${periodLabel})`;
  const quoted = figure.locator === undefined;
  await writeOne(
    driver,
    `figure ${figure.id}`,
    `MATCH (metric:Metric {id: $metricId}) MATCH (source:Source {id: $sourceId})
     CREATE (f:Figure {id: $id, name: $name, kind: $kind, value: $value, decimal: $decimal,
                       low: $low, lowDecimal: $lowDecimal, high: $high, highDecimal: $highDecimal,
                       rank: $rank, rankOf: $rankOf, changeType: $changeType, operation: $operation,
                       unit: $unit, qualifier: $qualifier, locator: $locator,
                       periodLabel: $periodLabel, periodStart: date($periodStart), periodEnd: date($periodEnd),
                       periodExpression: $periodLabel, periodRelative: false, sourceId: $sourceId})
     CREATE (f)-[:MEASURES]->(metric)
     CREATE (f)-[:REPORTED_IN]->(source)
     FOREACH (_ IN CASE WHEN $quoted THEN [1] ELSE [] END |
       SET f.quote = $name, f.quoteStart = 0, f.quoteEnd = size($name), f.quotePrefix = '', f.quoteSuffix = '')
     WITH f
     CALL (f) {
       OPTIONAL MATCH (place:Place {id: $placeId})
       FOREACH (_ IN CASE WHEN place IS NULL THEN [] ELSE [1] END | CREATE (f)-[:FOR_PLACE]->(place))
     }
     RETURN f`,
    {
      id: checked(figure.id),
      sourceId: figure.sourceId,
      metricId: figure.metricId,
      placeId: figure.placeId ?? null,
      name,
      kind: figure.kind ?? 'observation',
      value: toFloat(figure.decimal),
      decimal: figure.decimal,
      low: toFloat(figure.lowDecimal),
      lowDecimal: figure.lowDecimal ?? null,
      high: toFloat(figure.highDecimal),
      highDecimal: figure.highDecimal ?? null,
      rank: figure.rank ?? null,
      rankOf: figure.rankOf ?? null,
      changeType: figure.changeType ?? null,
      operation: figure.operation ?? null,
      unit: figure.unit ?? 'percent',
      qualifier: figure.qualifier ?? 'exact',
      locator: figure.locator ?? null,
      quoted,
      periodStart,
      periodEnd,
      periodLabel,
    },
  );
}

/** `count` exact figures of one metric, place and year, from one source, in one statement. */
export async function insertManyFigures(
  driver: Driver,
  many: { idPrefix: string; count: number; sourceId: string; metricId: string; placeId: string; year: string },
): Promise<void> {
  await driver.executeQuery(
    `MATCH (metric:Metric {id: $metricId}) MATCH (source:Source {id: $sourceId}) MATCH (place:Place {id: $placeId})
     UNWIND range(1, $count) AS n
     WITH metric, source, place, n, toString(30 + n / 10.0) AS decimal
     CREATE (f:Figure {id: $idPrefix + '-' + n, name: decimal + ' percent', kind: 'observation',
                       value: toFloat(decimal), decimal: decimal, unit: 'percent', qualifier: 'exact',
                       periodLabel: $year, periodStart: date($year + '-01-01'), periodEnd: date($year + '-12-31'),
                       periodExpression: $year, periodRelative: false, sourceId: $sourceId,
                       quote: decimal, quoteStart: 0, quoteEnd: size(decimal), quotePrefix: '', quoteSuffix: ''})
     CREATE (f)-[:MEASURES]->(metric), (f)-[:REPORTED_IN]->(source), (f)-[:FOR_PLACE]->(place)`,
    { ...many, idPrefix: checked(many.idPrefix) },
  );
}

export interface TestClaim {
  id: string;
  sourceId: string;
  text?: string;
  kind?: string;
  attribution?: string;
  speakerId?: string;
  figureIds?: string[];
}

/** A claim appearing in its source (APPEARS_IN and sourceId), citing `figureIds`, said by `speakerId`. */
export async function insertClaim(driver: Driver, claim: TestClaim): Promise<void> {
  const text = claim.text ?? `Test claim ${claim.id}: sales reached a record.`;
  await writeOne(
    driver,
    `claim ${claim.id}`,
    `MATCH (source:Source {id: $sourceId})
     CREATE (c:Claim {id: $id, name: $text, text: $text, kind: $kind, attribution: $attribution, sourceId: $sourceId,
                      quote: $text, quoteStart: 0, quoteEnd: size($text), quotePrefix: '', quoteSuffix: ''})
     CREATE (c)-[:APPEARS_IN]->(source)
     WITH c
     CALL (c) {
       UNWIND $figureIds AS figureId
       MATCH (f:Figure {id: figureId})
       CREATE (c)-[:CITES]->(f)
     }
     CALL (c) {
       OPTIONAL MATCH (speaker:Person|Organization|VirtualPresenter {id: $speakerId})
       FOREACH (_ IN CASE WHEN speaker IS NULL THEN [] ELSE [1] END | CREATE (c)-[:SAID_BY]->(speaker))
     }
     RETURN c`,
    {
      id: checked(claim.id),
      sourceId: claim.sourceId,
      text,
      kind: claim.kind ?? 'statistic',
      attribution: claim.attribution ?? 'paraphrase',
      speakerId: claim.speakerId ?? null,
      figureIds: claim.figureIds ?? [],
    },
  );
}

/** The provenance and structure links of the model, with the labels each end may carry. */
const LINKS = {
  PRODUCED_BY: ['Figure|Claim', 'Organization|Source'],
  RELAYED_BY: ['Figure|Claim', 'Person|Organization|VirtualPresenter|Source'],
  REPUBLISHES: ['Source', 'Source'],
  CITES: ['Source', 'Source'],
  CHANGE_OF: ['Figure', 'Figure'],
  DERIVED_FROM: ['Figure', 'Figure'],
} as const;

export type TestLink = keyof typeof LINKS;

/**
 * One link `(from)-[:TYPE {position}]->(to)`. The type is one of the constants above, never
 * input, so it is written into the statement text; RELAYED_BY and DERIVED_FROM take a position.
 */
export async function insertLink(
  driver: Driver,
  link: { from: string; type: TestLink; to: string; position?: number },
): Promise<void> {
  const [fromLabels, toLabels] = LINKS[link.type];
  await writeOne(
    driver,
    `${link.type} link ${link.from} → ${link.to}`,
    `MATCH (from:${fromLabels} {id: $from}) MATCH (to:${toLabels} {id: $to})
     CREATE (from)-[link:${link.type}]->(to)
     SET link.position = $position
     RETURN link`,
    { from: link.from, to: link.to, position: link.position ?? null },
  );
}
