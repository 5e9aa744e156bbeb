import DataLoader from 'dataloader';

import { loaderBatchSize } from '../../observability';

/**
 * DataLoaders live for one request (built in src/modules/loaders.ts): they batch the reads of one
 * level of a query into one statement and never cache across requests or users.
 */
export const loader = <V>(batch: (keys: readonly string[]) => Promise<V[]>) =>
  new DataLoader<string, V>(observed(batch), { maxBatchSize: 1000 });

/** For keys that are objects (a parent id with page arguments): cached by their JSON form. */
export const objectLoader = <K extends object, V>(batch: (keys: readonly K[]) => Promise<V[]>) =>
  new DataLoader<K, V, string>(observed(batch), { maxBatchSize: 200, cacheKeyFn: (key) => JSON.stringify(key) });

/** Records the size of every batch (the dataloader_batch_size metric). */
function observed<K, V>(batch: (keys: readonly K[]) => Promise<V[]>) {
  return (keys: readonly K[]) => {
    loaderBatchSize.observe(keys.length);
    return batch(keys);
  };
}
