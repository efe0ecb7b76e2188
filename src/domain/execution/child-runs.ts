import type { RateLimiter } from '../security/rate-limiter.js';
import { canCompose, canReadPattern } from '../shared/access.js';
import type { JsonValue } from '../shared/json.js';
import type { Admission } from './admission.js';
import type { Execution } from './execution.js';
import { checkInput } from './input-check.js';
import { PermanentStepError, type StepContext } from './step-runner.js';
import type { RunSupervisor } from './supervisor.js';

/**
 * PATTERN steps: a child execution, recorded like any other, run to its end. It counts against
 * its tree's runs and its caller's mutation budget, and ends when its parent step does.
 */
export class ChildRuns {
  constructor(
    private readonly admission: Admission,
    private readonly supervisor: RunSupervisor,
    private readonly maxRunsPerExecution: number,
    private readonly runRate: RateLimiter | undefined,
    private readonly instanceId: string,
  ) {}

  async run(patternId: string, input: JsonValue | null, context: StepContext): Promise<Execution> {
    const tree = this.supervisor.runHere(context.executionId)?.nesting.tree;
    if (!tree) throw new Error(`execution ${context.executionId} is not running here`);
    const { maxRunsPerExecution } = this;
    if (tree.runs >= maxRunsPerExecution) {
      throw new PermanentStepError(
        `one execution may cause at most ${maxRunsPerExecution} runs, its own and every composite run under it`,
      );
    }
    tree.runs += 1;
    const charged = await this.runRate?.consume(context.viewer.id, 1);
    if (charged && !charged.allowed) {
      const seconds = Math.max(1, Math.ceil(charged.retryAfterMs / 1000));
      throw new PermanentStepError(
        `the caller's mutation rate is spent (composite runs count against it); try again in ${seconds} s`,
      );
    }
    const started = await this.admission.start({
      viewer: context.viewer,
      patternId,
      input,
      slotOf: null,
      idempotencyKey: null,
      instance: this.instanceId,
      parentId: context.executionId,
      admit: (pattern) => {
        // The namespace is the parent pattern's owner (null for a system pattern).
        if (!canReadPattern(context.viewer, pattern) || !canCompose(context.namespace, pattern)) {
          throw new PermanentStepError(`pattern "${patternId}" was not found`);
        }
        checkInput(pattern, input);
      },
    });
    if ('earlier' in started) return started.earlier;
    const { execution: child, pattern } = started;
    const run = this.supervisor.start(child, pattern, context.viewer, {
      depth: context.depth + 1,
      callStack: context.callStack,
      slotOf: null,
      tree,
    });
    const onAbort = () => {
      const why = context.signal.reason instanceof Error ? context.signal.reason.message : null;
      this.supervisor
        .runHere(child.id)
        ?.abort(`its parent step ended first (${why ?? 'cancelled'})`);
    };
    // The parent step may have timed out or been cancelled while the child was being stored: a
    // listener added to an aborted signal never fires, and the child would outlive its parent.
    if (context.signal.aborted) onAbort();
    else context.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await run;
    } finally {
      context.signal.removeEventListener('abort', onAbort);
    }
  }
}
