import { alignByKey } from '../../db/batch';
import { cypher, type Executor } from '../../db/executor';
import type { Page, PageRequest } from '../common/pagination';
import { countOf, firstOf, nodesByKeys, pageOfNodes, relatedByKeys, relatedEntitiesByKeys } from '../common/repository';
import type { EntityData } from '../entities';
import { mapOrganization, type OrganizationData } from '../organization/organization.mapper';
import { mapPerson, type PersonData } from '../person/person.mapper';
import { mapSource, type SourceData } from './source.mapper';

export const SOURCES_BY_KEYS = cypher(
  'source.byKeys',
  'UNWIND $keys AS key MATCH (node:Source {id: key}) RETURN key, node',
);

export const SOURCE_PUBLISHERS = cypher(
  'source.publisher',
  'UNWIND $keys AS key MATCH (:Source {id: key})-[:PUBLISHED_BY]->(node:Organization) RETURN key, node',
);

export const SOURCE_INTERVIEWERS = cypher(
  'source.interviewer',
  'UNWIND $keys AS key MATCH (:Source {id: key})-[:INTERVIEW_CONDUCTED_BY]->(node) RETURN key, node',
);

export const SOURCE_INTERVIEWEES = cypher(
  'source.interviewees',
  'UNWIND $keys AS key MATCH (:Source {id: key})-[:INTERVIEWS]->(node:Person) RETURN key, node ORDER BY node.name',
);

export const SOURCE_MENTIONS = cypher(
  'source.mentions',
  'UNWIND $keys AS key MATCH (:Source {id: key})-[:MENTIONS]->(node) RETURN key, node ORDER BY node.name',
);

/** Sources this one republishes (all or part of), oldest first. */
export const SOURCE_REPUBLISHES = cypher(
  'source.republishes',
  `UNWIND $keys AS key MATCH (:Source {id: key})-[:REPUBLISHES]->(node:Source)
  RETURN key, node ORDER BY key, node.publishedDate, node.id`,
);

/** Sources this one cites (a dataset, a report, another article), oldest first. */
export const SOURCE_CITES = cypher(
  'source.cites',
  `UNWIND $keys AS key MATCH (:Source {id: key})-[:CITES]->(node:Source)
  RETURN key, node ORDER BY key, node.publishedDate, node.id`,
);

/** Sources that republish this one, oldest first. */
export const SOURCE_REPUBLISHED_BY = cypher(
  'source.republishedBy',
  `UNWIND $keys AS key MATCH (:Source {id: key})<-[:REPUBLISHES]-(node:Source)
  RETURN key, node ORDER BY key, node.publishedDate, node.id`,
);

/** Newest first; the keyset is (publishedDate, key) with keys ascending within a day. */
export const SOURCES_PAGE = cypher(
  'source.page',
  `MATCH (node:Source)
  WHERE $afterSortValue IS NULL OR node.publishedDate < date($afterSortValue)
     OR (node.publishedDate = date($afterSortValue) AND node.id > $afterKey)
  RETURN node ORDER BY node.publishedDate DESC, node.id LIMIT $limit`,
);

/** How many claims appear in each source, how many figures it reports, and how many reviews its claims have. */
export const SOURCE_COUNTS = cypher(
  'source.counts',
  `UNWIND $keys AS key MATCH (s:Source {id: key})
  RETURN key,
    COUNT { (s)<-[:APPEARS_IN]-(:Claim) } AS claims,
    COUNT { (s)<-[:REPORTED_IN]-(:Figure) } AS figures,
    COUNT { (s)<-[:APPEARS_IN]-(:Claim)<-[:REVIEWS]-(:Review) } AS reviews`,
);

export interface SourceCountsData {
  claims: number;
  figures: number;
  reviews: number;
}

export const SOURCES_COUNT = cypher('source.count', 'MATCH (node:Source) RETURN count(node) AS count');

export class SourceRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(SourceData | undefined)[]> {
    return nodesByKeys(this.executor, SOURCES_BY_KEYS, keys, mapSource);
  }

  async publishersOf(keys: readonly string[]): Promise<(OrganizationData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, SOURCE_PUBLISHERS, keys, mapOrganization));
  }

  async interviewersOf(keys: readonly string[]): Promise<(EntityData | null)[]> {
    return firstOf(await relatedEntitiesByKeys(this.executor, SOURCE_INTERVIEWERS, keys));
  }

  intervieweesOf(keys: readonly string[]): Promise<PersonData[][]> {
    return relatedByKeys(this.executor, SOURCE_INTERVIEWEES, keys, mapPerson);
  }

  mentionsOf(keys: readonly string[]): Promise<EntityData[][]> {
    return relatedEntitiesByKeys(this.executor, SOURCE_MENTIONS, keys);
  }

  republishedOf(keys: readonly string[]): Promise<SourceData[][]> {
    return relatedByKeys(this.executor, SOURCE_REPUBLISHES, keys, mapSource);
  }

  citedOf(keys: readonly string[]): Promise<SourceData[][]> {
    return relatedByKeys(this.executor, SOURCE_CITES, keys, mapSource);
  }

  republishersOf(keys: readonly string[]): Promise<SourceData[][]> {
    return relatedByKeys(this.executor, SOURCE_REPUBLISHED_BY, keys, mapSource);
  }

  async countsOf(keys: readonly string[]): Promise<SourceCountsData[]> {
    const records = await this.executor.read(SOURCE_COUNTS, { keys });
    const none = { claims: 0, figures: 0, reviews: 0 };
    return alignByKey(
      keys,
      records,
      (record) => ({
        claims: record.get('claims') as number,
        figures: record.get('figures') as number,
        reviews: record.get('reviews') as number,
      }),
      none,
    );
  }

  page(request: PageRequest): Promise<Page<SourceData>> {
    return pageOfNodes(this.executor, SOURCES_PAGE, request, mapSource, (source) => ({
      sortValue: source.publishedDate,
      key: source.key,
    }));
  }

  count(): Promise<number> {
    return countOf(this.executor, SOURCES_COUNT);
  }
}
