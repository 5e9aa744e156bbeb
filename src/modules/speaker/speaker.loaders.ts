import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { SpeakerRepository } from './speaker.repository';

export function createSpeakerLoaders(executor: Executor) {
  const speakers = new SpeakerRepository(executor);
  return {
    presenterByKey: loader((keys) => speakers.presentersByKeys(keys)),
    operatedBy: loader((keys) => speakers.operatorsOf(keys)),
  };
}
