import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { SourceRepository } from './source.repository';

export function createSourceLoaders(executor: Executor) {
  const sources = new SourceRepository(executor);
  return {
    byKey: loader((keys) => sources.byKeys(keys)),
    publisher: loader((keys) => sources.publishersOf(keys)),
    interviewer: loader((keys) => sources.interviewersOf(keys)),
    interviewees: loader((keys) => sources.intervieweesOf(keys)),
    mentions: loader((keys) => sources.mentionsOf(keys)),
    republishes: loader((keys) => sources.republishedOf(keys)),
    cites: loader((keys) => sources.citedOf(keys)),
    republishedBy: loader((keys) => sources.republishersOf(keys)),
    counts: loader((keys) => sources.countsOf(keys)),
  };
}
