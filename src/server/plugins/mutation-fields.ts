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

/**
 * The most an import is charged: below the default budget of a minute (600), so that the largest
 * document (100 patterns, 1000 versions) can be imported, and charging it never needs more.
 */
const MAX_IMPORT_COST = 500;

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
 * An import writes a version per pattern of its document, and one per replayed version: charged
 * as that many mutations (up to MAX_IMPORT_COST), so that one call cannot stand for a thousand
 * updates. A dry run writes nothing and costs one, as does a document without a list of patterns
 * (it is refused).
 */
function costOf(name: string, args: Record<string, unknown>): number {
  if (name !== 'importPatterns' || args.dryRun === true) return 1;
  const patterns = listOf(args.document, 'patterns');
  if (patterns === null) return 1;
  let writes = patterns.length;
  for (const pattern of patterns) {
    writes += listOf(pattern, 'versions')?.length ?? 0;
    if (writes >= MAX_IMPORT_COST) return MAX_IMPORT_COST;
  }
  return Math.max(1, writes);
}

function listOf(value: unknown, key: string): unknown[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const list = (value as Record<string, unknown>)[key];
  return Array.isArray(list) ? list : null;
}
