import type { EventPublisher } from '../events/event.js';
import type { Clock } from '../shared/clock.js';
import type { Execution, StepResult } from './execution.js';
import { type ProgressUpdate, type StepChangeCounts, startUpdate, stepUpdate } from './progress.js';

/**
 * The events of a run: PROGRESS at its start and at every step transition, PATTERN_EXECUTED
 * (and ERROR when it failed) at its end. All go to the run's creator; a failure to publish is
 * reported, never the run's.
 */
export class RunEvents {
  constructor(
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly onError: (error: unknown, context: string) => void,
  ) {}

  started(execution: Execution): void {
    this.progress(execution, startUpdate(execution));
  }

  /**
   * One step's transition, numbered in the run's sequence, `change.settled` of `total` steps
   * being settled: O(1) in the steps.
   */
  stepChanged(
    execution: Execution,
    step: StepResult,
    change: StepChangeCounts,
    total: number,
  ): void {
    const now = () => this.clock.now().toISOString();
    this.progress(execution, stepUpdate(step, change, total, now));
  }

  async ended(execution: Execution): Promise<void> {
    const about = this.about(execution);
    try {
      await this.events.publish({
        ...about,
        type: 'PATTERN_EXECUTED',
        payload: { status: execution.status },
      });
      if (execution.status === 'FAILED')
        await this.events.publish({ ...about, type: 'ERROR', error: execution.error });
    } catch (error) {
      this.onError(error, 'publishing the end of an execution');
    }
  }

  private progress(execution: Execution, payload: ProgressUpdate): void {
    this.events
      .publish({ ...this.about(execution), type: 'PROGRESS', payload })
      .catch((error: unknown) => this.onError(error, 'publishing progress'));
  }

  private about(execution: Execution) {
    return {
      patternId: execution.patternId,
      executionId: execution.id,
      audience: execution.createdBy,
    };
  }
}
