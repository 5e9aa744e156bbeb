import type { Node as Neo4jNode } from 'neo4j-driver';

import type { Violation } from '../../domain/checked';
import { decimalOfFloat } from '../../domain/consistency';
import { cypher, type Executor, type TransactionRunner } from '../../db/executor';
import type { Properties } from '../../db/values';
import type { WriteResult } from '../common/repository';
import { checkNewFigure, type FigureContext, type FigureRequest } from './figure.checks';
import { mapFigure, type FigureData } from './figure.mapper';
import type { FigureRow } from './figure.row';

export type { FigureRow };

/**
 * Writes of figures. Ingestion (ingest/write-source-graph.ts) and addFigure (figure.mutations.ts)
 * write figures through the same statements; the rules a figure follows are domain/figure.ts's.
 */

/** Creates or updates figures with their metric, source and place; their other links are LINK_FIGURES'. */
export const UPSERT_FIGURES = cypher(
  'figure.write',
  `UNWIND $rows AS row
  MERGE (f:Figure {id: row.key})
  SET f += row {.name, .kind, .value, .decimal, .low, .lowDecimal, .high, .highDecimal, .rankOf, .changeType,
                 .basePeriodLabel, .basePeriodExpression, .operation, .locator,
                 .unit, .qualifier, .periodLabel, .periodExpression, .periodRelative, .periodWords, .origin, .addedBy},
      f.addedAt = CASE WHEN row.origin IS NULL THEN f.addedAt ELSE datetime() END,
      f.rank = toInteger(row.rank),
      f.basePeriodStart = date(row.basePeriodStart), f.basePeriodEnd = date(row.basePeriodEnd),
      f.sourceId = row.sourceKey,
      f.quote = row.quote.exact, f.quoteStart = toInteger(row.quote.start), f.quoteEnd = toInteger(row.quote.end),
      f.quotePrefix = row.quote.prefix, f.quoteSuffix = row.quote.suffix,
      f.periodStart = date(row.periodStart), f.periodEnd = date(row.periodEnd)
  WITH f, row
  MATCH (metric:Metric {id: row.metricKey})
  MATCH (source:Source {id: row.sourceKey})
  MERGE (f)-[:MEASURES]->(metric)
  MERGE (f)-[:REPORTED_IN]->(source)
  WITH f, row
  CALL (f, row) {
    MATCH (place:Place {id: row.placeKey})
    MERGE (f)-[:FOR_PLACE]->(place)
  }
  RETURN f AS node`,
);

/** After all figures exist: changes to their levels, derived figures to their inputs (in order), provenance. */
export const LINK_FIGURES = cypher(
  'figure.link',
  `UNWIND $rows AS row
  MATCH (f:Figure {id: row.key})
  CALL (f, row) {
    MATCH (level:Figure {id: row.changeOfKey})
    MERGE (f)-[:CHANGE_OF]->(level)
  }
  CALL (f, row) {
    UNWIND range(0, size(row.derivedFromKeys) - 1) AS position
    MATCH (input:Figure {id: row.derivedFromKeys[position]})
    MERGE (f)-[:DERIVED_FROM {position: position}]->(input)
  }
  CALL (f, row) {
    MATCH (producer:Organization|Source {id: row.producedByKey})
    MERGE (f)-[:PRODUCED_BY]->(producer)
  }
  CALL (f, row) {
    UNWIND range(0, size(row.relayedByKeys) - 1) AS position
    MATCH (relay:Person|Organization|VirtualPresenter|Source {id: row.relayedByKeys[position]})
    MERGE (f)-[:RELAYED_BY {position: position}]->(relay)
  }`,
);

/** Writes figures and then their links (levels, inputs, provenance) within a caller's transaction. */
export async function writeFigures(tx: TransactionRunner, rows: readonly FigureRow[]): Promise<FigureData[]> {
  const written = await tx.run(UPSERT_FIGURES, { rows });
  await tx.run(LINK_FIGURES, { rows });
  return written.map((record) => mapFigure((record.get('node') as Neo4jNode).properties as Properties));
}

/** What a new figure refers to, read in the transaction that writes it: one statement, index lookups. */
export const FIND_FIGURE_CONTEXT = cypher(
  'figure.findContext',
  `OPTIONAL MATCH (source:Source {id: $sourceKey})
  OPTIONAL MATCH (metric:Metric {id: $metricKey})
  RETURN source {.text, .bodyStart, .bodyEnd, .kind, .referenceOnly, publishedDate: toString(source.publishedDate)}
           AS source,
         metric.unit AS metricUnit,
         $placeKey IS NULL OR EXISTS { (:Place {id: $placeKey}) } AS placeExists,
         head(COLLECT {
           MATCH (level:Figure {id: $levelKey})
           OPTIONAL MATCH (level)-[:MEASURES]->(levelMetric:Metric)
           RETURN {metricKey: levelMetric.id}
         }) AS level,
         [key IN $inputKeys | head(COLLECT {
           MATCH (input:Figure {id: key}) RETURN {decimal: input.decimal, value: input.value}
         })] AS inputs`,
);

type Missing = { what: string; key: string };

export type FigureWriteResult = WriteResult<FigureData> | { ok: false; violations: Violation[] };

interface ContextRecord {
  source: (Omit<FigureContext['source'], 'referenceOnly'> & { referenceOnly: boolean | null }) | null;
  metricUnit: string | null;
  placeExists: boolean;
  level: { metricKey: string | null } | null;
  inputs: ({ decimal: string | null; value: number | null } | null)[];
}

/** The first reference the graph does not hold, in the order of the input's fields. */
function firstMissing(request: FigureRequest, found: ContextRecord): Missing | undefined {
  if (found.source === null) return { what: 'Source', key: request.sourceKey };
  if (found.metricUnit === null) return { what: 'Metric', key: request.metricKey };
  if (!found.placeExists) return { what: 'Place', key: request.placeKey as string };
  const levelKey = request.change?.levelKey ?? null;
  if (levelKey !== null && found.level === null) return { what: 'Figure', key: levelKey };
  const inputKeys = request.derived?.inputKeys ?? [];
  const absent = found.inputs.findIndex((input) => input === null);
  return absent >= 0 ? { what: 'Figure', key: inputKeys[absent] as string } : undefined;
}

/** The value an input figure states as written; older figures have only the float. */
const inputDecimal = (input: ContextRecord['inputs'][number]): string | null =>
  input?.decimal ?? (input?.value == null ? null : decimalOfFloat(input.value));

export class FigureWriter {
  constructor(private readonly executor: Executor) {}

  /**
   * One transaction: reads what the figure refers to, checks the figure by the rules ingestion
   * applies (figure.checks.ts), and writes it only if every reference exists and no rule is broken.
   */
  create(request: FigureRequest): Promise<FigureWriteResult> {
    return this.executor.writeTransaction(async (tx) => {
      const [record] = await tx.run(FIND_FIGURE_CONTEXT, {
        sourceKey: request.sourceKey,
        metricKey: request.metricKey,
        placeKey: request.placeKey,
        levelKey: request.change?.levelKey ?? null,
        inputKeys: request.derived?.inputKeys ?? [],
      });
      const found = record?.toObject() as unknown as ContextRecord;
      const missing = firstMissing(request, found);
      if (missing) return { ok: false, missing };
      const source = found.source as NonNullable<ContextRecord['source']>;
      const checked = checkNewFigure(request, {
        source: { ...source, referenceOnly: source.referenceOnly === true },
        metricUnit: found.metricUnit as string,
        levelMetricKey: found.level?.metricKey ?? null,
        inputDecimals: found.inputs.map(inputDecimal),
      });
      if (!checked.ok) return { ok: false, violations: checked.violations };
      const [created] = await writeFigures(tx, [checked.value]);
      if (!created) throw new Error('the checked figure was not written');
      return { ok: true, value: created };
    });
  }
}
