import neo4j, { type Driver } from 'neo4j-driver';

import type { Config } from '../config';

/**
 * One driver per process (it owns the connection pool). Integers come back as JS numbers:
 * every integer this graph stores (offsets, counts, years) is far below 2^53.
 */
export function createDriver(config: Config['neo4j']): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: config.maxPoolSize,
    connectionAcquisitionTimeout: config.acquisitionTimeoutMs,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: config.maxRetryTimeMs,
    userAgent: 'news-claims-graph/0.1',
  });
}
