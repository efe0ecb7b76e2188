import { collectFields } from '@graphql-tools/utils';
import {
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  getOperationAST,
  getVariableValues,
  Kind,
  valueFromASTUntyped,
} from 'graphql';

export interface RootField {
  /** The alias, or the field name: where the field's result and errors appear. */
  responseKey: string;
  name: string;
  args: Record<string, unknown>;
  /** Points of the mutation budget it costs: one, or one per pattern of an import. */
  cost: number;
}

/** Patterns an import may write: as many as its document may hold. */
const MAX_IMPORT_COST = 100;

/** By execution: the rate limit and the audit trail both ask about the same operation. */
const known = new WeakMap<ExecutionArgs, RootField[] | null>();

/**
 * The root fields of a mutation operation that will run, with their arguments filled from the
 * variables; null for queries and subscriptions. Collected by the same function yoga's
 * executor uses, with the coerced variables (defaults included), so fields that @skip/@include
 * leave out are not counted, and fields that merge under one response key count once.
 */
export function mutationRootFields(args: ExecutionArgs): RootField[] | null {
  if (known.has(args)) return known.get(args) ?? null;
  const fields = collectRootFields(args);
  known.set(args, fields);
  return fields;
}

function collectRootFields({
  schema,
  document,
  operationName,
  variableValues,
}: ExecutionArgs): RootField[] | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return null;
  const mutationType = schema.getMutationType();
  const variables = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    variableValues ?? {},
  );
  // Variables that do not fit their types stop the operation before any field runs.
  if (mutationType == null || variables.coerced === undefined) return [];
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const { fields, patches } = collectFields(
    schema,
    fragments,
    variables.coerced,
    mutationType,
    operation.selectionSet,
  );
  const coerced = variables.coerced;
  return [fields, ...patches.map((patch) => patch.fields)]
    .flatMap((collected) => [...collected.entries()])
    .flatMap(([responseKey, nodes]): RootField[] => {
      const node = nodes[0] as FieldNode;
      if (node.name.value.startsWith('__')) return [];
      const args = argumentsOf(node, coerced);
      return [{ responseKey, name: node.name.value, args, cost: costOf(node.name.value, args) }];
    });
}

function argumentsOf(field: FieldNode, variables: Record<string, unknown>) {
  return Object.fromEntries(
    (field.arguments ?? []).map((arg) => [
      arg.name.value,
      valueFromASTUntyped(arg.value, variables),
    ]),
  );
}

/**
 * An import writes a pattern per entry of its document: charged as that many mutations, so that
 * one call cannot stand for a hundred creates (a replayed history is one pattern's, not charged
 * per version: a document of 100 patterns must stay within the default budget). A dry run
 * writes nothing and costs one, as does a document without a list of patterns (it is refused).
 */
function costOf(name: string, args: Record<string, unknown>): number {
  if (name !== 'importPatterns' || args.dryRun === true) return 1;
  const document = args.document;
  const patterns =
    typeof document === 'object' && document !== null
      ? (document as Record<string, unknown>).patterns
      : undefined;
  return Array.isArray(patterns) ? Math.min(Math.max(1, patterns.length), MAX_IMPORT_COST) : 1;
}
