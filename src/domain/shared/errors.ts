/**
 * Domain errors. Each class carries a stable `code`; the GraphQL layer maps them to
 * `extensions.code` in one place (src/server/graphql-errors.ts). Anything that is not a
 * DomainError is unexpected and gets masked.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE';

export type IssuePath = ReadonlyArray<string | number>;

export interface Issue {
  path: IssuePath;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message?: string) {
    super(message);
    // An expected outcome, answered to the caller and never logged with a trace: formatting
    // the trace (source-mapped, once graphql-js copies it) would be most of what a refusal costs.
    this.stack = `${new.target.name}: ${this.message}`;
  }
  /** Extra fields exposed to clients under `extensions`. */
  get details(): Record<string, unknown> {
    return {};
  }
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0];
    const summary = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid input';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`Invalid input: ${summary}${more}`);
    this.issues = issues;
  }

  override get details(): Record<string, unknown> {
    return { issues: this.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
  }

  static single(path: IssuePath, message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} "${id}" was not found`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

export class LimitExceededError extends DomainError {
  readonly code = 'LIMIT_EXCEEDED';
}

/** A subscriber fell too far behind its stream; the transport may close its connection. */
export class SubscriberTooSlowError extends LimitExceededError {}

/**
 * The store (Redis) cannot be reached: nothing is wrong with the request, try it again later.
 * A run whose end could not be recorded names itself: its record is written once the store is
 * back, and can then be read by id.
 */
/** How long clients are told to wait before retrying when the store is unreachable. */
export const STORE_RETRY_AFTER_SECONDS = 1;

export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly executionId: string | null = null,
    /**
     * What was thrown, when the domain wraps an error it cannot classify (a store error or a
     * bug): the edge, which can tell them apart, masks and logs the bug.
     */
    override readonly cause?: unknown,
  ) {
    super(message);
  }

  override get details(): Record<string, unknown> {
    return {
      retryAfterSeconds: this.retryAfterSeconds,
      ...(this.executionId === null ? {} : { executionId: this.executionId }),
    };
  }
}

function formatPath(path: IssuePath): string {
  return path.length === 0 ? '(root)' : path.join('.');
}
