import { anchorInBody } from '../../src/domain/anchor';
import { newSource } from '../../src/domain/source';
import { BadUserInputError } from '../../src/errors';
import { checked } from '../../src/modules/common/input-validation';

/** How a mutation turns a broken domain rule into the GraphQL error a client sees. */
describe('checked', () => {
  const refusal = (run: () => unknown): { message: string; extensions: unknown } => {
    try {
      run();
    } catch (error) {
      if (error instanceof BadUserInputError) return { message: error.message, extensions: error.extensions };
      throw error;
    }
    throw new Error('expected a BadUserInputError');
  };

  it('answers the checked value', () => {
    expect(checked(anchorInBody('Tram 🚋 line', undefined, '🚋'), 'input')).toMatchObject({ start: 5, end: 6 });
  });

  it('names the argument of the first rule broken, in the sentence when the rule is a "must"', () => {
    const draft = {
      title: 'T',
      kind: 'tweet',
      url: 'https://example.org/t',
      publishedDate: '2025-01-01',
      language: 'en',
      text: 'Ørby opens a tram line.',
    };
    expect(refusal(() => checked(newSource(draft), 'input'))).toEqual({
      message: '"input.kind" must be one of article, interview, report, speech, dataset',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.kind' }),
    });
    expect(refusal(() => checked(anchorInBody('Ørby opens', undefined, 'closes'), 'input'))).toEqual({
      message: 'quote not found in the source text',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.quote' }),
    });
  });
});
