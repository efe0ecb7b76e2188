/**
 * @defer and @stream (yoga's defer-stream plugin), its validation only where it is needed. The
 * plugin swaps graphql-js's OverlappingFieldsCanBeMergedRule for a copy that knows deferred
 * fragments; that copy costs about two and a half times as much on a document of many
 * same-named fields (the rule is quadratic in them), and a hostile document is never in the
 * validation cache. A document without either directive keeps graphql-js's rule, which is exact
 * for it; one with them gets the plugin's rules.
 */
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { BREAK, type DocumentNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useIncrementalDelivery(): Plugin<any> {
  const plugin = useDeferStream();
  return {
    onSchemaChange: plugin.onSchemaChange,
    onValidate(payload) {
      if (usesIncrementalDelivery(payload.params.documentAST)) return plugin.onValidate?.(payload);
      return undefined;
    },
  };
}
