/**
 * What use-incremental-delivery.ts and use-acceptable-response.ts both read of a document: its
 * @defer and @stream directives (found once per document: documents come from yoga's parse
 * cache), and the variables their arguments may name (coerced only when one does).
 */
import {
  type DirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  visit,
} from 'graphql';

const directivesOf = new WeakMap<DocumentNode, readonly DirectiveNode[]>();

/** The document's @defer and @stream directives. */
export function incrementalDirectives(document: DocumentNode): readonly DirectiveNode[] {
  let found = directivesOf.get(document);
  if (found === undefined) {
    const list: DirectiveNode[] = [];
    visit(document, {
      Directive(node) {
        if (node.name.value === 'defer' || node.name.value === 'stream') list.push(node);
      },
    });
    found = list;
    directivesOf.set(document, found);
  }
  return found;
}

/** The operation's variables as coerced, computed on the first call only ({} when they do not fit). */
export function lazyVariables(
  document: DocumentNode,
  schema: GraphQLSchema,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
): () => Record<string, unknown> {
  let coerced: Record<string, unknown> | undefined;
  return () => {
    if (coerced === undefined) {
      const operation = getOperationAST(document, operationName);
      coerced =
        getVariableValues(schema, operation?.variableDefinitions ?? [], variableValues ?? {})
          .coerced ?? {};
    }
    return coerced;
  };
}
