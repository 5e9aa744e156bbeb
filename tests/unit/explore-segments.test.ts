import { segment } from '../../web/explore/segments';

/** The reader's cutting of a text into highlighted runs at code-point offsets (web/explore/segments.ts). */
describe('segment', () => {
  // 🚗 and 🔋 are one code point each but two UTF-16 code units; 中国 are one code unit each.
  const text = 'A 🚗 中国 sales rose 31% 🔋 end.';
  const points = Array.from(text);
  const at = (word: string) => {
    const start = points.join('').indexOf(word);
    return Array.from(points.join('').slice(0, start)).length;
  };
  const span = (id: string, exact: string) => {
    const start = at(exact);
    return { id, start, end: start + Array.from(exact).length };
  };

  it('takes every run from code points, so text after an emoji keeps its offsets', () => {
    const claim = span('c', '中国 sales rose 31% 🔋');
    const figure = span('f', 'rose 31%');
    const parts = segment(text, 0, points.length, [claim], [figure]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    const claimed = parts.filter((part) => part.claims.includes('c'));
    expect(claimed.map((part) => part.text).join('')).toBe('中国 sales rose 31% 🔋');
    expect(parts.filter((part) => part.figures.includes('f')).map((part) => part.text)).toEqual(['rose 31%']);
    // A UTF-16 slice at the same offsets would start one unit early, inside the first emoji's pair.
    expect(text.slice(claim.start, claim.end)).not.toBe('中国 sales rose 31% 🔋');
  });

  it('lists the shortest covering claim first where quotes nest, and stays inside the body', () => {
    const outer = span('outer', '🚗 中国 sales rose');
    const inner = span('inner', '中国');
    const parts = segment(text, 2, points.length - 1, [outer, inner, { id: 'outside', start: 0, end: 1 }], []);
    expect(parts.find((part) => part.text === '中国')?.claims).toEqual(['inner', 'outer']);
    expect(parts.some((part) => part.claims.includes('outside'))).toBe(false);
    expect(parts.map((part) => part.text).join('')).toBe(points.slice(2, points.length - 1).join(''));
  });
});
