import type { Pattern, Step } from '../../domain/pattern/pattern.js';
import {
  avgDurationMs,
  PATTERN_CATEGORIES,
  PATTERN_ORIGINS,
  STEP_TYPES,
  successRate,
} from '../../domain/pattern/pattern.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { pageSize } from '../../domain/shared/pagination.js';
import { builder } from '../builder.js';
import { toConnection } from '../connection.js';
import { loadPatternStats } from '../loaders/pattern-stats.js';
import { ExecutionConnectionRef, ExecutionStatusEnum } from './execution.js';
import { PatternDiffRef } from './pattern-diff.js';
import { PatternWarningRef } from './plan.js';

export const PatternOriginEnum = builder.enumType('PatternOrigin', { values: PATTERN_ORIGINS });
export const PatternCategoryEnum = builder.enumType('PatternCategory', {
  values: PATTERN_CATEGORIES,
});
export const StepTypeEnum = builder.enumType('StepType', { values: STEP_TYPES });

export const StepRef = builder.objectRef<Step>('Step').implement({
  description: 'One operation of a pattern. Parameters are templates filled from the input.',
  fields: (t) => ({
    id: t.exposeString('id'),
    type: t.expose('type', { type: StepTypeEnum }),
    action: t.exposeString('action'),
    parameters: t.expose('parameters', { type: 'JSON', nullable: true }),
    dependsOn: t.exposeStringList('dependsOn'),
    retries: t.exposeInt('retries'),
    timeoutMs: t.exposeInt('timeoutMs', { nullable: true }),
  }),
});

/**
 * A pattern version. Resolving a field to an id loads the current version, batched per
 * request; resolving to a Pattern object uses that version as it is.
 */
export const PatternRef = builder.loadableObjectRef<Pattern | Error, string>('Pattern', {
  load: async (ids, context) => {
    const patterns = await context.services.patterns.getMany(context.viewer, ids);
    return patterns.map((pattern, i) => pattern ?? new NotFoundError('Pattern', ids[i] ?? ''));
  },
});

PatternRef.implement({
  description: 'A named, versioned DAG of operation steps.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    version: t.exposeInt('version'),
    origin: t.expose('origin', { type: PatternOriginEnum }),
    category: t.expose('category', { type: PatternCategoryEnum }),
    steps: t.expose('steps', { type: [StepRef] }),
    metadata: t.expose('metadata', { type: 'JSON', nullable: true }),
    transactional: t.exposeBoolean('transactional'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    isActive: t.exposeBoolean('isActive'),
    warnings: t.field({
      type: [PatternWarningRef],
      description:
        'What its steps may do wrong for every input, found without running them (steps that may run at the same time writing one key or relationship). Warnings, not refusals: createPattern stores the pattern and returns them.',
      resolve: (pattern, _, ctx) => ctx.services.executions.warnings(pattern),
    }),
    versions: t.field({
      type: [PatternRef],
      description: 'Every version of this pattern, oldest first.',
      resolve: (pattern, _, ctx) => ctx.services.patterns.versions(ctx.viewer, pattern.id),
    }),
    diff: t.field({
      type: PatternDiffRef,
      description:
        'What changed between two versions of this pattern; NOT_FOUND when either is not one the viewer may read.',
      args: {
        from: t.arg.int({ required: true, description: 'The earlier version.' }),
        to: t.arg.int({ required: true, description: 'The later version.' }),
      },
      resolve: (pattern, args, ctx) =>
        ctx.services.patterns.diff(ctx.viewer, pattern.id, args.from, args.to),
    }),
    usageCount: t.int({
      resolve: async (pattern, _, ctx) => (await loadPatternStats(ctx, pattern.id)).usageCount,
    }),
    successRate: t.float({
      description: 'Succeeded executions / all executions; 0 before the first.',
      resolve: async (pattern, _, ctx) => successRate(await loadPatternStats(ctx, pattern.id)),
    }),
    avgDurationMs: t.float({
      nullable: true,
      resolve: async (pattern, _, ctx) => avgDurationMs(await loadPatternStats(ctx, pattern.id)),
    }),
    executions: t.field({
      type: ExecutionConnectionRef,
      description: 'Executions of this pattern (any version), newest first.',
      args: {
        first: t.arg.int(),
        after: t.arg.string(),
        status: t.arg({ type: ExecutionStatusEnum }),
      },
      resolve: async (pattern, args, ctx) =>
        toConnection(
          await ctx.services.executions.list(
            ctx.viewer,
            { patternId: pattern.id, status: args.status ?? null },
            pageSize(args.first),
            args.after ?? null,
          ),
        ),
    }),
  }),
});

export const PatternEdgeRef = builder.edgeObject({ name: 'PatternEdge', type: PatternRef });

export const PatternConnectionRef = builder.connectionObject(
  {
    name: 'PatternConnection',
    type: PatternRef,
    fields: (t) => ({ totalCount: t.exposeInt('totalCount') }),
  },
  PatternEdgeRef,
);

export const StepInput = builder.inputType('StepInput', {
  fields: (t) => ({
    id: t.string({ required: true }),
    type: t.field({ type: StepTypeEnum, required: true }),
    action: t.string({ required: true }),
    parameters: t.field({ type: 'JSON' }),
    dependsOn: t.stringList(),
    retries: t.int({ description: '0–10 attempts after the first; default 0.' }),
    timeoutMs: t.int({ description: '1–300000 ms per attempt; default none.' }),
  }),
});

export const CreatePatternInput = builder.inputType('CreatePatternInput', {
  fields: (t) => ({
    id: t.id({ description: 'Generated from the name when omitted.' }),
    name: t.string({ required: true }),
    description: t.string(),
    origin: t.field({ type: PatternOriginEnum, description: 'Default USER.' }),
    category: t.field({ type: PatternCategoryEnum, required: true }),
    steps: t.field({ type: [StepInput], required: true }),
    metadata: t.field({ type: 'JSON' }),
    transactional: t.boolean(),
    isActive: t.boolean(),
  }),
});

export const UpdatePatternInput = builder.inputType('UpdatePatternInput', {
  description: 'Fields left out keep their value; null clears description or metadata.',
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    category: t.field({ type: PatternCategoryEnum }),
    steps: t.field({ type: [StepInput] }),
    metadata: t.field({ type: 'JSON' }),
    transactional: t.boolean(),
    isActive: t.boolean(),
  }),
});

export const PatternFilterInput = builder.inputType('PatternFilter', {
  fields: (t) => ({
    origin: t.field({ type: PatternOriginEnum }),
    category: t.field({ type: PatternCategoryEnum }),
    isActive: t.boolean(),
    createdBy: t.string(),
    search: t.string({ description: 'Case-insensitive substring of name or description.' }),
  }),
});
