import type { ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { AuditEntryInput, AuditLog } from '../../domain/audit/audit-log.js';
import type { Clock } from '../../domain/shared/clock.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { mutationRootFields, type RootField } from './mutation-fields.js';

/** Arguments that name records; inputs themselves are never recorded (they may hold secrets). */
const ID_ARGUMENTS = ['id', 'from', 'to', 'patternId'] as const;
/** The outcome of a mutation whose client went away before its (incremental) result was read. */
const INTERRUPTED = 'INTERRUPTED';
/** As many as an import document may hold; a larger one is refused before it is read. */
const MAX_DOCUMENT_TARGETS = 100;

/**
 * Every mutation field that ran leaves an audit entry: actor, action, the ids it named or made,
 * and its outcome. Written before the response goes out (its first payload, for @defer and
 * @stream); a failure to write is logged, since the mutation itself has already happened.
 */
export function useAuditTrail(log: AuditLog, clock: Clock, logger: Logger): Plugin<Context> {
  return {
    onExecute({ args }) {
      const fields = mutationRootFields(args);
      if (fields === null || fields.length === 0) return;
      const viewer = args.contextValue.viewer;
      const write = async (result: ExecutionResult, interrupted = false) => {
        const at = clock.now().toISOString();
        const entries = fields.map(
          (field): AuditEntryInput => ({
            actor: viewer.id,
            roles: viewer.roles,
            action: field.name,
            targets: targetsOf(field, result),
            outcome: interrupted ? INTERRUPTED : outcomeOf(field, result.errors ?? []),
            at,
          }),
        );
        try {
          await log.append(entries);
        } catch (error) {
          logger.error({ err: error, entries }, 'could not write audit entries');
        }
      };
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) return write(result);
          // @defer / @stream inside a mutation field's selection: the mutation fields themselves
          // cannot be deferred, so they have all run by the initial payload, which is written
          // down before it goes out. A client gone before reading it still leaves its entries.
          let written = false;
          return {
            onNext: ({ result: payload }) => {
              if (written) return;
              written = true;
              return write(payload as ExecutionResult);
            },
            onEnd: () => {
              if (written) return;
              written = true;
              void write({}, true);
            },
          };
        },
      };
    },
  };
}

function targetsOf(field: RootField, result: ExecutionResult): string[] {
  const targets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length > 0 && value.length <= 300) targets.add(value);
  };
  const input = field.args.input;
  for (const name of ID_ARGUMENTS) {
    add(field.args[name]);
    if (typeof input === 'object' && input !== null) add((input as Record<string, unknown>)[name]);
  }
  // importPatterns names its records inside the document: the id of each of its patterns.
  const document = field.args.document;
  const patterns =
    typeof document === 'object' && document !== null
      ? (document as Record<string, unknown>).patterns
      : undefined;
  if (Array.isArray(patterns)) {
    for (const pattern of patterns.slice(0, MAX_DOCUMENT_TARGETS)) {
      if (typeof pattern === 'object' && pattern !== null)
        add((pattern as Record<string, unknown>).id);
    }
  }
  const data = result.data?.[field.responseKey];
  if (typeof data === 'object' && data !== null) add((data as Record<string, unknown>).id);
  return [...targets];
}

function outcomeOf(field: RootField, errors: readonly GraphQLError[]): string {
  const error = errors.find((candidate) => candidate.path?.[0] === field.responseKey);
  // An import's dry run names the same ids as the import would and writes none of them: its
  // entry must not read as the writes it only planned.
  if (!error)
    return field.name === 'importPatterns' && field.args.dryRun === true ? 'DRY_RUN' : 'ok';
  if (error.originalError instanceof DomainError) return error.originalError.code;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
