import DataLoader from 'dataloader';

/**
 * DataLoaders live for one request (built in src/context.ts): they batch the reads of one
 * level of a query into one statement and never cache across requests or users.
 */
export const loader = <V>(batch: (keys: readonly string[]) => Promise<V[]>) =>
  new DataLoader<string, V>(batch, { maxBatchSize: 1000 });

/** For keys that are objects (a parent id with page arguments): cached by their JSON form. */
export const objectLoader = <K extends object, V>(batch: (keys: readonly K[]) => Promise<V[]>) =>
  new DataLoader<K, V, string>(batch, { maxBatchSize: 200, cacheKeyFn: (key) => JSON.stringify(key) });
