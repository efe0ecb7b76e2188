/**
 * A stand-in for the execution service's own handler of queued runs (which claims the stored
 * run and runs it), for tests and the bench of the queue: each run handed out executes one
 * fixed pattern SYNC through the ExecutionService, as the development admin, under an
 * idempotency key naming the hand-out, so what a worker did can be read back as executions.
 */
import type { QueuedRunHandler } from '../../src/domain/execution/run-queue.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import type { Services } from '../../src/server/services.js';

export function standInKey(executionId: string, attempt: number): string {
  return `queued:${executionId}:${attempt}`;
}

export function standInRunHandler(patternId: string, input: Record<string, unknown> = {}) {
  return (services: Services): QueuedRunHandler =>
    async (run) => {
      await services.executions.execute(DEV_ADMIN, {
        patternId,
        input: { ...input, run: run.executionId },
        mode: 'SYNC',
        idempotencyKey: standInKey(run.executionId, run.attempt),
      });
      return null;
    };
}
