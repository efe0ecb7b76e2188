import type {
  EXECUTION_MODES,
  EXECUTION_STATUSES,
  Execution,
  STEP_STATUSES,
  StepResult,
} from '../../domain/execution/execution.js';
import type { ExecutionPlan } from '../../domain/execution/plan.js';
import {
  type PROGRESS_STATUSES,
  type Progress,
  type ProgressStage,
  progressOf,
} from '../../domain/execution/progress.js';
import { MAX_LISTED_CONFLICTS } from '../../domain/execution/write-conflicts.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { builder } from '../builder.js';
import {
  connectionDescriptions,
  edgeDescriptions,
  TOTAL_COUNT_DESCRIPTION,
} from '../connection.js';
import { PatternRef } from './pattern.js';
import { StepEffectsRef, UnresolvedTargetRef, WriteConflictRef } from './plan.js';

export const ExecutionStatusEnum = builder.enumType('ExecutionStatus', {
  description:
    'Where a run is. SUCCEEDED, FAILED and CANCELLED are final: the record no longer changes.',
  values: {
    PENDING: {
      description:
        'Not started yet: an ASYNC run waiting for a worker, or a delayed start (startAt) waiting for its time.',
    },
    RUNNING: { description: 'Steps are running or waiting for their dependencies.' },
    SUCCEEDED: { description: 'Every step succeeded; `output` holds their outputs.' },
    FAILED: {
      description:
        'A step failed after its retries (its dependents were skipped), the run timed out, or it could not go on after its instance stopped (error `abandoned: <why>`); `error` says which.',
    },
    CANCELLED: { description: 'cancelExecution stopped it, or the server shut down during it.' },
  } satisfies Record<(typeof EXECUTION_STATUSES)[number], { description: string }>,
});

export const StepStatusEnum = builder.enumType('StepStatus', {
  description: 'Where one step of a run is.',
  values: {
    PENDING: { description: 'Waiting for its dependencies (or for the run to start).' },
    RUNNING: { description: 'An attempt is in progress (`attempts` counts them).' },
    SUCCEEDED: { description: 'Done; `output` holds its result.' },
    FAILED: { description: 'Its last attempt failed or timed out; `error` says why.' },
    SKIPPED: { description: 'Not run because a step it depends on did not succeed.' },
    CANCELLED: { description: 'Not finished because the run was cancelled or ended first.' },
    ROLLED_BACK: {
      description: 'It succeeded, then a transactional run that did not succeed undid what it did.',
    },
  } satisfies Record<(typeof STEP_STATUSES)[number], { description: string }>,
});

export const ProgressStatusEnum = builder.enumType('ProgressStatus', {
  description: 'The coarse status a progress display shows, of a run or of one of its stages.',
  values: {
    PENDING: { description: 'Not started.' },
    PROCESSING: { description: 'Running.' },
    COMPLETED: { description: 'Succeeded.' },
    FAILED: {
      description:
        'Did not succeed: failed, cancelled, skipped or rolled back (the execution’s status tells which).',
    },
  } satisfies Record<(typeof PROGRESS_STATUSES)[number], { description: string }>,
});

export const ExecutionModeEnum = builder.enumType('ExecutionMode', {
  description: 'Whether executePattern waits for the run to end.',
  values: {
    SYNC: {
      description:
        'Wait for the end and return the finished execution; a run longer than NEXUS_EXECUTION_TIMEOUT_MS (60 s by default) is cancelled.',
    },
    ASYNC: {
      description:
        'Return the RUNNING execution at once; follow it with executionProgress or the execution query.',
    },
  } satisfies Record<(typeof EXECUTION_MODES)[number], { description: string }>,
});

export const StepResultRef = builder.objectRef<StepResult>('StepResult').implement({
  description: 'What one step of an execution did.',
  fields: (t) => ({
    stepId: t.exposeString('stepId', { description: 'The id of the step in the pattern.' }),
    status: t.expose('status', { type: StepStatusEnum, description: 'Where the step is.' }),
    attempts: t.exposeInt('attempts', {
      description: 'Attempts started so far (1 + retries used); 0 before it runs.',
    }),
    startedAt: t.expose('startedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When its first attempt started; null until then.',
    }),
    finishedAt: t.expose('finishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it ended (or was skipped or cancelled); null while pending or running.',
    }),
    durationMs: t.exposeInt('durationMs', {
      nullable: true,
      description: 'Milliseconds from startedAt to finishedAt, retries included; null until both.',
    }),
    output: t.expose('output', {
      type: 'JSON',
      nullable: true,
      description:
        'Its result once SUCCEEDED (shaped as stepTypes’ outputSchema says); null otherwise.',
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why it failed, was skipped or was cancelled; null otherwise.',
    }),
  }),
});

export const ProgressStageRef = builder.objectRef<ProgressStage>('ProgressStage').implement({
  description: 'The progress of one step of a run.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The step id.' }),
    status: t.expose('status', { type: ProgressStatusEnum, description: 'Where the step is.' }),
    progress: t.exposeFloat('progress', {
      description:
        'A fraction from 0 to 1: 0 pending, 0.5 running, 1 ended (whatever the outcome).',
    }),
    startedAt: t.expose('startedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the step started; null until then.',
    }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the step ended; null while pending or running.',
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why the step did not succeed; null otherwise.',
    }),
  }),
});

export const ProgressRef = builder.objectRef<Progress>('Progress').implement({
  description: "An execution's progress: one stage per step.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id of the execution this is the progress of.' }),
    status: t.expose('status', { type: ProgressStatusEnum, description: 'Where the run is.' }),
    percent: t.exposeFloat('percent', {
      description:
        'Percent of its steps that have ended (succeeded or not), 0–100 to one decimal; 100 for a run of no steps.',
    }),
    stages: t.expose('stages', {
      type: [ProgressStageRef],
      description: 'One stage per step, in the pattern’s step order.',
    }),
    currentStage: t.exposeString('currentStage', {
      nullable: true,
      description: 'The first step (in pattern order) that is running; null when none is.',
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'The run’s error once it failed; null otherwise.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When the latest change this progress shows happened.',
    }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the run ended; null while it runs.',
    }),
  }),
});

/** Resolving an Execution field to an id loads it, batched per request. */
export const ExecutionRef = builder.loadableObjectRef<Execution | Error, string>('Execution', {
  load: async (ids, context) => {
    const found = await context.services.executions.getMany(context.viewer, ids);
    return found.map((execution, i) => execution ?? new NotFoundError('Execution', ids[i] ?? ''));
  },
});

ExecutionRef.implement({
  description: 'One run of a pattern.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'Unique; pass it to execution, progress, executionProgress or cancelExecution.',
    }),
    pattern: t.field({
      type: PatternRef,
      description: 'The pattern as it was at the version this execution ran.',
      resolve: async (execution, _, ctx) => {
        const pattern = await ctx.services.patterns.get(
          ctx.viewer,
          execution.patternId,
          execution.patternVersion,
        );
        if (!pattern) throw new NotFoundError('Pattern', execution.patternId);
        return pattern;
      },
    }),
    patternVersion: t.exposeInt('patternVersion', {
      description: 'The version of the pattern it ran (the current one when it started).',
    }),
    status: t.expose('status', { type: ExecutionStatusEnum, description: 'Where the run is.' }),
    input: t.expose('input', {
      type: 'JSON',
      nullable: true,
      description: 'The input given to executePattern; null when none was.',
    }),
    output: t.expose('output', {
      type: 'JSON',
      nullable: true,
      description:
        'The outputs of the steps that succeeded, as an object by step id, written when the run ends; null while it runs.',
    }),
    steps: t.expose('steps', {
      type: [StepResultRef],
      description: 'One result per step of the pattern, in its step order.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When executePattern created the run.',
    }),
    startedAt: t.expose('startedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When its steps began; null before.',
    }),
    finishedAt: t.expose('finishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it reached a final status; null while it runs.',
    }),
    durationMs: t.exposeInt('durationMs', {
      nullable: true,
      description: 'Milliseconds from startedAt to finishedAt; null while it runs.',
    }),
    error: t.exposeString('error', {
      nullable: true,
      description:
        'Why it did not succeed: the first step error, `cancelled`, a timeout, or `abandoned: <why>` (it could not go on after its instance died: see the README); a failed rollback is appended. Null otherwise.',
    }),
    createdBy: t.exposeString('createdBy', {
      description: 'The user id (token `sub`) that started it; only they and admins may read it.',
    }),
    idempotencyKey: t.exposeString('idempotencyKey', {
      nullable: true,
      description: 'The key it was started with, if any (reusing it within 24 h returns this run).',
    }),
    attempts: t.exposeInt('attempts', {
      description:
        'Times a process took the run up: 1 after its start, one more per takeover by another process (after the one running it stopped); 0 while it waits to start.',
    }),
    resumedAt: t.expose('resumedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When a process last took the run over from one that stopped, going on from its recorded step results; null if none did.',
    }),
    instance: t.exposeString('instance', {
      nullable: true,
      description:
        'The server process that runs the execution, or ran it last (host:pid:random); null while it waits to start.',
    }),
    scheduleId: t.exposeString('scheduleId', {
      nullable: true,
      description: 'The schedule whose tick started this execution; null when none did.',
    }),
    startAt: t.expose('notBefore', {
      type: 'DateTime',
      nullable: true,
      description:
        'A delayed start: the execution waits (PENDING) until then; null for one that started at once.',
    }),
    parentId: t.exposeString('parentId', {
      nullable: true,
      description:
        'The execution whose PATTERN step started this one (a composite run); null at the top.',
    }),
    progress: t.field({
      type: ProgressRef,
      description: 'Its progress as a display shows it, computed from its step results.',
      resolve: (execution) => progressOf(execution),
    }),
  }),
});

export const ExecutionEdgeRef = builder.edgeObject({
  name: 'ExecutionEdge',
  type: ExecutionRef,
  ...edgeDescriptions('execution'),
});

export const ExecutionConnectionRef = builder.connectionObject(
  {
    name: 'ExecutionConnection',
    type: ExecutionRef,
    ...connectionDescriptions('executions', 'newest first'),
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: TOTAL_COUNT_DESCRIPTION }),
    }),
  },
  ExecutionEdgeRef,
);

export const ExecutionPlanRef = builder.objectRef<ExecutionPlan>('ExecutionPlan').implement({
  description:
    'A dry run for one input: nothing is read or written but the pattern itself. Values that read step outputs are shown unresolved, never guessed.',
  fields: (t) => ({
    levels: t.field({
      type: t.listRef(t.listRef('String', { nullable: false }), { nullable: false }),
      description: 'Steps by dependency depth (a step may start before its level).',
      resolve: (plan) => plan.levels,
    }),
    criticalPath: t.exposeStringList('criticalPath', {
      description: 'The longest chain of dependent steps.',
    }),
    effects: t.expose('effects', {
      type: [StepEffectsRef],
      description: 'What each step will do with this input, in pattern order.',
    }),
    conflicts: t.field({
      type: [WriteConflictRef],
      description: `Write conflicts between steps that may run at the same time, for this input, each once (at most ${MAX_LISTED_CONFLICTS}; see conflictCount). Targets that are unresolved are not compared: see conflictsComplete.`,
      resolve: (plan) => plan.conflicts.conflicts,
    }),
    conflictCount: t.int({
      description: 'How many conflicts there are in all (conflicts lists the first ones).',
      resolve: (plan) => plan.conflicts.count,
    }),
    conflictsComplete: t.boolean({
      description:
        'Whether the conflicts are all there may be: false when a step with an unresolved target, an unknown effect or a child pattern may run at the same time as another step, or when the steps read and write more than the analysis compares (see unresolved).',
      resolve: (plan) => plan.conflicts.complete,
    }),
    unresolved: t.field({
      type: [UnresolvedTargetRef],
      description: 'What steps touch that cannot be known before the run (not compared).',
      resolve: (plan) => plan.conflicts.unresolved,
    }),
  }),
});
