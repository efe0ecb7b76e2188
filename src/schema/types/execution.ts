import {
  EXECUTION_MODES,
  EXECUTION_STATUSES,
  type Execution,
  STEP_STATUSES,
  type StepResult,
} from '../../domain/execution/execution.js';
import type { ExecutionPlan } from '../../domain/execution/plan.js';
import {
  PROGRESS_STATUSES,
  type Progress,
  type ProgressStage,
  progressOf,
} from '../../domain/execution/progress.js';
import { MAX_LISTED_CONFLICTS } from '../../domain/execution/write-conflicts.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { builder } from '../builder.js';
import { PatternRef } from './pattern.js';
import { StepEffectsRef, UnresolvedTargetRef, WriteConflictRef } from './plan.js';

export const ExecutionStatusEnum = builder.enumType('ExecutionStatus', {
  values: EXECUTION_STATUSES,
});
export const StepStatusEnum = builder.enumType('StepStatus', { values: STEP_STATUSES });
export const ProgressStatusEnum = builder.enumType('ProgressStatus', { values: PROGRESS_STATUSES });
export const ExecutionModeEnum = builder.enumType('ExecutionMode', { values: EXECUTION_MODES });

export const StepResultRef = builder.objectRef<StepResult>('StepResult').implement({
  fields: (t) => ({
    stepId: t.exposeString('stepId'),
    status: t.expose('status', { type: StepStatusEnum }),
    attempts: t.exposeInt('attempts'),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    output: t.expose('output', { type: 'JSON', nullable: true }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

export const ProgressStageRef = builder.objectRef<ProgressStage>('ProgressStage').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.expose('status', { type: ProgressStatusEnum }),
    progress: t.exposeFloat('progress'),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

export const ProgressRef = builder.objectRef<Progress>('Progress').implement({
  description: "An execution's progress: one stage per step.",
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: ProgressStatusEnum }),
    percent: t.exposeFloat('percent'),
    stages: t.expose('stages', { type: [ProgressStageRef] }),
    currentStage: t.exposeString('currentStage', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
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
    id: t.exposeID('id'),
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
    patternVersion: t.exposeInt('patternVersion'),
    status: t.expose('status', { type: ExecutionStatusEnum }),
    input: t.expose('input', { type: 'JSON', nullable: true }),
    output: t.expose('output', { type: 'JSON', nullable: true }),
    steps: t.expose('steps', { type: [StepResultRef] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    createdBy: t.exposeString('createdBy'),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
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
    progress: t.field({ type: ProgressRef, resolve: (execution) => progressOf(execution) }),
  }),
});

export const ExecutionEdgeRef = builder.edgeObject({ name: 'ExecutionEdge', type: ExecutionRef });

export const ExecutionConnectionRef = builder.connectionObject(
  {
    name: 'ExecutionConnection',
    type: ExecutionRef,
    fields: (t) => ({ totalCount: t.exposeInt('totalCount') }),
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
