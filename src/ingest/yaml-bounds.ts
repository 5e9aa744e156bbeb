import { Lexer } from 'yaml';

/**
 * Flow collections nested this deep are never written by hand. The `yaml` parser recurses once per
 * level: at about a thousand levels it reports a stack overflow, and at ten thousand (20 KB of "[")
 * V8 aborts the whole process out of memory. Annotations nest five levels at most.
 */
export const MAX_FLOW_NESTING = 64;

/** The lexer's control tokens, which stand for no characters of the source. */
const CONTROL_TOKENS = new Set(['\u{FEFF}', '\x02', '\x18', '\x1f']);

/**
 * The offset of the first "[" or "{" that opens a flow collection nested deeper than `maxDepth`,
 * or undefined. It runs the lexer only (linear, no recursion), so brackets inside quoted scalars do
 * not count. Bound: one pass over the text, stopped at the first excess.
 */
export function excessiveFlowNesting(content: string, maxDepth = MAX_FLOW_NESTING): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(content)) {
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > maxDepth) return offset;
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}
