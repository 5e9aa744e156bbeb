import type { Node as Neo4jNode } from 'neo4j-driver';

import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import type { WriteResult } from '../common/repository';
import { mapMetric, type MetricData } from './metric.mapper';

export interface NewMetric {
  key: string;
  name: string;
  description: string;
  unit: string;
  placeKey: string | null;
}

export const FIND_METRIC_CONFLICTS = cypher(
  'metric.findConflicts',
  `RETURN EXISTS { (:Metric {id: $key}) } AS exists,
          $placeKey IS NULL OR EXISTS { (:Place {id: $placeKey}) } AS placeExists`,
);

export const CREATE_METRIC = cypher(
  'metric.create',
  `CREATE (m:Metric {id: $metric.key, name: $metric.name, description: $metric.description, unit: $metric.unit,
                    origin: 'api', addedBy: $addedBy, addedAt: datetime()})
  WITH m
  CALL (m) {
    MATCH (place:Place {id: $metric.placeKey})
    CREATE (m)-[:SCOPED_TO]->(place)
  }
  RETURN m AS node`,
);

export type MetricWriteResult = WriteResult<MetricData> | { ok: false; exists: string };

export class MetricWriter {
  constructor(private readonly executor: Executor) {}

  /** One transaction: refuses an existing id or a missing place before writing anything. */
  create(metric: NewMetric, addedBy: string): Promise<MetricWriteResult> {
    return this.executor.writeTransaction(async (tx) => {
      const [check] = await tx.run(FIND_METRIC_CONFLICTS, { key: metric.key, placeKey: metric.placeKey });
      if (check?.get('exists')) return { ok: false, exists: metric.key };
      if (!check?.get('placeExists')) return { ok: false, missing: { what: 'Place', key: metric.placeKey as string } };
      const [created] = await tx.run(CREATE_METRIC, { metric, addedBy });
      return { ok: true, value: mapMetric((created?.get('node') as Neo4jNode).properties as Properties) };
    });
  }
}
