import { observeQueries, shapeOf } from '../../src/observability';

describe('the slow-query log', () => {
  it('describes parameters by shape, never by value', () => {
    const shape = shapeOf({
      key: 'secret-claim-id',
      keys: ['a', 'b'],
      filter: { text: 'private words', kinds: null },
      limit: 21,
    });
    expect(shape).toEqual({
      key: 'string',
      keys: ['list(2)', 'string'],
      filter: { text: 'string', kinds: 'null' },
      limit: 'number',
    });
    expect(JSON.stringify(shape)).not.toMatch(/secret|private/);
  });

  it('logs statements over the threshold with their name, and nothing under it', () => {
    const logged: [string, Record<string, unknown>][] = [];
    const observe = observeQueries(100, (message, fields = {}) => logged.push([message, fields]));
    observe({ name: 'claim.pages', mode: 'READ', durationMs: 250.4, ok: true, params: { filter: { text: 'x' } } });
    observe({ name: 'claim.byKeys', mode: 'READ', durationMs: 3, ok: true, params: { keys: ['k'] } });
    expect(logged).toEqual([
      [
        'slow Cypher statement',
        { query: 'claim.pages', mode: 'READ', durationMs: 250, params: { filter: { text: 'string' } } },
      ],
    ]);
  });
});
