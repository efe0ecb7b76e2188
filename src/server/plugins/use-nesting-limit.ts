/**
 * A nesting limit checked before the parser, whose recursion would otherwise overflow the stack
 * on a document of a few hundred thousand brackets.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const OPENERS = new Set(['{', '[', '(']);
const CLOSERS = new Set(['}', ']', ')']);

/** The deepest bracket nesting outside strings and comments; stops counting past `limit`. */
export function nestingDepth(source: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '"') {
      const block = source.startsWith('"""', i);
      const end = block ? source.indexOf('"""', i + 3) : stringEnd(source, i + 1);
      if (end < 0) return deepest;
      i = block ? end + 2 : end;
    } else if (char === '#') {
      const end = source.indexOf('\n', i);
      if (end < 0) return deepest;
      i = end;
    } else if (OPENERS.has(char)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSERS.has(char)) {
      depth -= 1;
    }
  }
  return deepest;
}

function stringEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (char === '"' || char === '\n') return i;
  }
  return -1;
}

/** Refuses documents nested deeper than `maxNesting` brackets before they are parsed. */
// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useNestingLimit(maxNesting: number): Plugin<any> {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const depth = nestingDepth(source, maxNesting);
      if (depth > maxNesting) {
        throw new GraphQLError(`the document nests deeper than ${maxNesting} levels`, {
          extensions: { code: 'LIMIT_EXCEEDED' },
        });
      }
    },
  };
}
