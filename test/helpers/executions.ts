import {
  DURABLE_DEFAULTS,
  type Execution,
  pendingStep,
} from '../../src/domain/execution/execution.js';

/**
 * A RUNNING top-level run of version 1 of pattern `p` with one pending step `a`, started at
 * `atMs`; overrides change the rest (status, steps, input...).
 */
export function executionAt(
  id: string,
  createdBy: string,
  atMs: number,
  overrides: Partial<Execution> = {},
): Execution {
  const iso = new Date(atMs).toISOString();
  return {
    id,
    patternId: 'p',
    patternVersion: 1,
    status: 'RUNNING',
    input: null,
    output: null,
    steps: [pendingStep('a')],
    createdAt: iso,
    startedAt: iso,
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy,
    idempotencyKey: null,
    ...DURABLE_DEFAULTS,
    ...overrides,
  };
}
