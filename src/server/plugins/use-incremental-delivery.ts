/**
 * @defer and @stream (yoga's defer-stream plugin), its validation only where it is needed. The
 * plugin swaps graphql-js's OverlappingFieldsCanBeMergedRule for a copy that knows deferred
 * fragments; that copy costs about two and a half times as much on a document of many
 * same-named fields (the rule is quadratic in them), and a hostile document is never in the
 * validation cache. A document without either directive keeps graphql-js's rule, which is exact
 * for it; one with them gets the plugin's rules.
 */
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import {
  type DirectiveNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { incrementalDirectives, lazyVariables } from './incremental-directives.js';

export function usesIncrementalDelivery(document: DocumentNode): boolean {
  return incrementalDirectives(document).length > 0;
}

/**
 * The executor asserts `initialCount >= 0` with a plain Error, which reads as an internal
 * failure (INTERNAL_SERVER_ERROR, "Unexpected error.") for what is the client's mistake: a
 * negative count, literal or from a variable (defaults included), is refused as
 * BAD_USER_INPUT before anything runs.
 */
function negativeInitialCount(
  document: DocumentNode,
  directives: readonly DirectiveNode[],
  schema: GraphQLSchema,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
): DirectiveNode | undefined {
  const variables = lazyVariables(document, schema, operationName, variableValues);
  for (const directive of directives) {
    const argument = directive.arguments?.find((arg) => arg.name.value === 'initialCount');
    let count: unknown;
    if (argument?.value.kind === Kind.INT) count = Number(argument.value.value);
    else if (argument?.value.kind === Kind.VARIABLE) count = variables()[argument.value.name.value];
    if (typeof count === 'number' && count < 0) return directive;
  }
  return undefined;
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
    onExecute({ args, setResultAndStopExecution }) {
      const directives = incrementalDirectives(args.document).filter(
        (directive) => directive.name.value === 'stream',
      );
      if (directives.length === 0) return;
      const { document, schema, operationName, variableValues } = args;
      const negative = negativeInitialCount(
        document,
        directives,
        schema,
        operationName,
        variableValues,
      );
      if (negative === undefined) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError('@stream initialCount must be 0 or more', {
            nodes: [negative],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ],
      });
    },
  };
}
