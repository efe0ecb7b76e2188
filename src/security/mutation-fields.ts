import {
  type ExecutionArgs,
  type FieldNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

export interface RootField {
  /** The alias, or the field name: where the field's result and errors appear. */
  responseKey: string;
  name: string;
  args: Record<string, unknown>;
}

/** By execution: the rate limit and the audit trail both ask about the same operation. */
const known = new WeakMap<ExecutionArgs, RootField[] | null>();

/**
 * The root fields of a mutation operation (fragments on the root included), with their
 * arguments filled from the variables; null for queries and subscriptions.
 */
export function mutationRootFields(args: ExecutionArgs): RootField[] | null {
  if (known.has(args)) return known.get(args) ?? null;
  const fields = collectRootFields(args);
  known.set(args, fields);
  return fields;
}

function collectRootFields({
  document,
  operationName,
  variableValues: variables,
}: ExecutionArgs): RootField[] | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return null;
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return fields
    .filter((field) => !field.name.value.startsWith('__'))
    .map((field) => ({
      responseKey: field.alias?.value ?? field.name.value,
      name: field.name.value,
      args: Object.fromEntries(
        (field.arguments ?? []).map((arg) => [
          arg.name.value,
          valueFromASTUntyped(arg.value, variables ?? undefined),
        ]),
      ),
    }));
}
