/**
 * An object handed to its field resolvers together with relations a look-ahead already fetched
 * (claim(id) with `lineage` fetches the claim's whole neighbourhood in one statement). A field
 * resolver of such a relation returns `prefetched.<relation>` when `prefetched` is there and asks
 * its loader when it is not: objects reached any other way carry nothing.
 */
export type Prefetched<T, Relations> = T & { prefetched?: Relations };
