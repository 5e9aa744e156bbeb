/**
 * The NLP libraries, loaded once per process and only when first needed: loading the
 * wink model and compromise's lexicon costs most of a CLI start, so a command that fails on
 * bad input before any extraction never pays for them.
 */
import type nlpType from 'compromise';
import type * as chronoType from 'chrono-node';
import type { WinkMethods } from 'wink-nlp';

let wink: WinkMethods | undefined;
let compromise: typeof nlpType | undefined;
let chrono: typeof chronoType | undefined;

export function winkNlp(): WinkMethods {
  if (!wink) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkMethods;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    wink = winkNLP(require('wink-eng-lite-web-model'));
  }
  return wink;
}

export function compromiseNlp(): typeof nlpType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compromise ??= require('compromise') as typeof nlpType;
  return compromise;
}

export function chronoParser(): typeof chronoType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  chrono ??= require('chrono-node') as typeof chronoType;
  return chrono;
}
