import type { CompiledPattern, CompiledStep } from './compiled-pattern.js';
import { pendingStep, type StepResult, type StepTransitions } from './execution.js';

/** What a change of a step's result changed, beside the result it made. */
export interface StepChange {
  previous: StepResult;
  /** How many of the run's steps are settled (ended one way or another), this change included. */
  settled: number;
  /** This change's number in the run's transition sequence (the run's start is 0). */
  sequence: number;
  /** The first step in the pattern's order that is running after this change, if any. */
  currentStage: string | null;
}

/**
 * One run's step results and the order its steps may start in: a step is ready as soon as all
 * its dependencies succeeded (not level by level); one that does not succeed skips its
 * dependents. Every change of a result is reported, as a new object.
 */
export class StepStates {
  private readonly results = new Map<string, StepResult>();
  private readonly waitingOn = new Map<string, number>();
  /** Steps whose dependencies all succeeded, in order; those before `nextReady` were taken. */
  private readonly ready: CompiledStep[];
  private nextReady = 0;
  private settled = 0;
  private sequence = 0;
  /** The running steps, by their index in the pattern's order (at most the concurrency limit). */
  private readonly running = new Set<number>();
  private readonly indexOf = new Map<string, number>();

  constructor(
    private readonly pattern: CompiledPattern,
    private readonly onChange: (result: StepResult, change: StepChange) => void,
  ) {
    this.ready = [...pattern.roots];
    for (const [index, step] of pattern.steps.entries()) this.indexOf.set(step.id, index);
    for (const step of pattern.steps) {
      this.results.set(step.id, pendingStep(step.id));
      this.waitingOn.set(step.id, step.dependsOn.length);
    }
  }

  /**
   * Takes up a run from its recorded results (a process took it over): steps that ended keep
   * their result (those that succeeded release their dependents), steps that were running are
   * ready again with their attempts, and the transition sequence goes on from the highest number
   * recorded. No change is reported: these results are the record already.
   */
  seed(recorded: readonly StepResult[]): void {
    for (const result of recorded) {
      if (!this.results.has(result.stepId)) continue;
      this.results.set(result.stepId, result);
      if (isSettled(result)) this.settled += 1;
      const { start, settle, rollback } = result.transitions ?? {};
      this.sequence = Math.max(this.sequence, start ?? 0, settle ?? 0, rollback ?? 0);
    }
    for (const step of this.pattern.steps) {
      const unmet = step.dependsOn.filter((id) => this.resultOf(id).status !== 'SUCCEEDED');
      this.waitingOn.set(step.id, unmet.length);
    }
    this.ready.length = 0;
    this.nextReady = 0;
    for (const step of this.pattern.steps) {
      const { status } = this.resultOf(step.id);
      const startable = status === 'PENDING' || status === 'RUNNING';
      if (startable && this.waitingOn.get(step.id) === 0) this.ready.push(step);
    }
  }

  /** Records a step's undo description without a transition (nothing a subscriber sees). */
  annotate(stepId: string, undo: StepResult['undo']): StepResult {
    const result = { ...this.resultOf(stepId), undo };
    this.results.set(stepId, result);
    return result;
  }

  /** The next step ready to start, taken from the queue; undefined when none is. */
  takeReady(): CompiledStep | undefined {
    return this.nextReady < this.ready.length ? this.ready[this.nextReady++] : undefined;
  }

  /** Marks a dependency of its dependents done: those it was the last for become ready. */
  release(stepId: string): void {
    for (const dependent of this.pattern.dependents.get(stepId) ?? []) {
      const left = (this.waitingOn.get(dependent.id) ?? 1) - 1;
      this.waitingOn.set(dependent.id, left);
      if (left === 0 && this.resultOf(dependent.id).status === 'PENDING')
        this.ready.push(dependent);
    }
  }

  skipDependentsOf(stepId: string): void {
    for (const dependent of this.pattern.dependents.get(stepId) ?? []) {
      const result = this.resultOf(dependent.id);
      if (result.status !== 'PENDING') continue;
      this.change(result, { status: 'SKIPPED', error: `dependency "${stepId}" did not succeed` });
      this.skipDependentsOf(dependent.id);
    }
  }

  /** Ends the steps that never started (the run is over) with `patch`. */
  endPending(patch: Partial<StepResult>): void {
    for (const result of this.results.values())
      if (result.status === 'PENDING') this.change(result, patch);
  }

  update(stepId: string, patch: Partial<StepResult>): void {
    this.change(this.resultOf(stepId), patch);
  }

  /** Every result, in the pattern's order of steps. */
  inOrder(): StepResult[] {
    return this.pattern.steps.map((step) => this.resultOf(step.id));
  }

  resultOf(stepId: string): StepResult {
    return this.results.get(stepId) as StepResult;
  }

  private change(before: StepResult, patch: Partial<StepResult>): void {
    this.sequence += 1;
    const status = patch.status ?? before.status;
    // Every field written out: one object shape for every result, whichever fields changed.
    const result: StepResult = {
      stepId: before.stepId,
      status,
      attempts: patch.attempts ?? before.attempts,
      startedAt: patch.startedAt === undefined ? before.startedAt : patch.startedAt,
      finishedAt: patch.finishedAt === undefined ? before.finishedAt : patch.finishedAt,
      durationMs: patch.durationMs === undefined ? before.durationMs : patch.durationMs,
      output: patch.output === undefined ? before.output : patch.output,
      error: patch.error === undefined ? before.error : patch.error,
      transitions: transitionsAfter(before, status, this.sequence),
    };
    const undo = patch.undo === undefined ? before.undo : patch.undo;
    if (undo != null) result.undo = undo;
    this.results.set(result.stepId, result);
    if (!isSettled(before) && isSettled(result)) this.settled += 1;
    const index = this.indexOf.get(result.stepId) ?? -1;
    if (status === 'RUNNING') this.running.add(index);
    else this.running.delete(index);
    this.onChange(result, {
      previous: before,
      settled: this.settled,
      sequence: this.sequence,
      currentStage: this.currentStage(),
    });
  }

  private currentStage(): string | null {
    let first = Number.POSITIVE_INFINITY;
    for (const index of this.running) if (index < first) first = index;
    return this.pattern.steps[first]?.id ?? null;
  }
}

/** The step's transitions with this change's number recorded, if the change is one of them. */
function transitionsAfter(
  before: StepResult,
  status: StepResult['status'],
  sequence: number,
): StepTransitions {
  const known = before.transitions ?? { start: null, settle: null, rollback: null };
  if (status === before.status) return known;
  if (status === 'RUNNING') return { ...known, start: sequence };
  if (status === 'ROLLED_BACK') return { ...known, rollback: sequence };
  if (isSettledStatus(status) && !isSettledStatus(before.status))
    return { ...known, settle: sequence };
  return known;
}

function isSettled(step: StepResult): boolean {
  return isSettledStatus(step.status);
}

function isSettledStatus(status: StepResult['status']): boolean {
  return status !== 'PENDING' && status !== 'RUNNING';
}
