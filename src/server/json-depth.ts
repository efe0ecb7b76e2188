/**
 * A nesting limit on every JSON argument. The JSON scalar passes variables through untouched
 * (and inline literals are already bounded by the document's nesting limit), so a value
 * thousands of levels deep would otherwise reach the first recursive walk of it, such as
 * JSON.stringify, and overflow the stack. Checked on the coerced arguments before the resolver
 * runs, so literals, variables and variables inside literals are all seen the same way, with
 * the full path of each place that is too deep.
 */
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  type GraphQLArgumentConfig,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { type Issue, type IssuePath, ValidationError } from '../domain/shared/errors.js';
import { jsonDepthIssues } from '../domain/shared/json.js';

const JSON_SCALAR = 'JSON';
/** Enough to show a client every deep place it sent, not a response as large as the request. */
const MAX_ISSUES = 20;

/** A copy of the schema whose fields refuse JSON arguments nested deeper than `maxDepth`. */
export function limitJsonDepth(schema: GraphQLSchema, maxDepth: number): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const args = Object.entries(field.args ?? {}).filter(([, arg]) => holdsJson(arg.type));
      if (args.length === 0) return field;
      const check = (values: Record<string, unknown>) => {
        const issues = args.flatMap(([name, arg]) =>
          deepJsonIssues(arg, values[name], [name], maxDepth),
        );
        if (issues.length > 0) throw new ValidationError(issues.slice(0, MAX_ISSUES));
      };
      const guard = (resolve: GraphQLFieldResolver<unknown, unknown>) =>
        ((source, values, context, info) => {
          check(values);
          return resolve(source, values, context, info);
        }) satisfies GraphQLFieldResolver<unknown, unknown>;
      return {
        ...field,
        resolve: guard(field.resolve ?? defaultFieldResolver),
        ...(field.subscribe ? { subscribe: guard(field.subscribe) } : {}),
      };
    },
  });
}

const holdsJsonByType = new WeakMap<GraphQLNamedType, boolean>();

/** Whether a JSON value can appear anywhere in a value of this input type. */
function holdsJson(type: GraphQLInputType): boolean {
  const start = getNamedType(type);
  let known = holdsJsonByType.get(start);
  if (known === undefined) {
    known = searchJson(start);
    holdsJsonByType.set(start, known);
  }
  return known;
}

function searchJson(start: GraphQLNamedType): boolean {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const named = pending.pop();
    if (named === undefined || seen.has(named.name)) continue;
    seen.add(named.name);
    if (isScalarType(named) && named.name === JSON_SCALAR) return true;
    if (isInputObjectType(named)) {
      for (const field of Object.values(named.getFields())) pending.push(getNamedType(field.type));
    }
  }
  return false;
}

/** The depth issues of each JSON value inside an argument's coerced value (iterative too). */
function deepJsonIssues(
  arg: GraphQLArgumentConfig,
  value: unknown,
  path: IssuePath,
  maxDepth: number,
): Issue[] {
  const issues: Issue[] = [];
  const pending: Array<{ type: GraphQLInputType; value: unknown; path: IssuePath }> = [
    { type: arg.type, value, path },
  ];
  // Breadth first (a queue read by index), so that issues come in the order of the fields.
  for (let next = 0; next < pending.length && issues.length < MAX_ISSUES; next++) {
    const at = pending[next] as (typeof pending)[number];
    if (at.value === null || at.value === undefined) continue;
    const type = isNonNullType(at.type) ? at.type.ofType : at.type;
    if (isListType(type)) {
      if (!Array.isArray(at.value)) continue;
      at.value.forEach((item, index) => {
        pending.push({ type: type.ofType, value: item, path: [...at.path, index] });
      });
    } else if (isInputObjectType(type)) {
      const fields = type.getFields();
      const record = at.value as Record<string, unknown>;
      for (const name of Object.keys(fields)) {
        const field = fields[name];
        if (field && holdsJson(field.type)) {
          pending.push({ type: field.type, value: record[name], path: [...at.path, name] });
        }
      }
    } else if (isScalarType(type) && type.name === JSON_SCALAR) {
      for (const issue of jsonDepthIssues(at.value, maxDepth, MAX_ISSUES)) {
        issues.push({ path: [...at.path, ...issue.path], message: issue.message });
      }
    }
  }
  return issues;
}
