import type { Pattern, Step } from '../../domain/pattern/pattern.js';
import {
  avgDurationMs,
  type PATTERN_CATEGORIES,
  type PATTERN_ORIGINS,
  type STEP_TYPES,
  successRate,
} from '../../domain/pattern/pattern.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { pageSize } from '../../domain/shared/pagination.js';
import { builder } from '../builder.js';
import {
  connectionDescriptions,
  edgeDescriptions,
  TOTAL_COUNT_DESCRIPTION,
  toConnection,
} from '../connection.js';
import { loadPatternStats } from '../loaders/pattern-stats.js';
import { ExecutionConnectionRef, ExecutionStatusEnum } from './execution.js';
import { PatternDiffRef } from './pattern-diff.js';
import { PatternWarningRef } from './plan.js';

export const PatternOriginEnum = builder.enumType('PatternOrigin', {
  description: 'Who manages a pattern, which decides who may read and change it.',
  values: {
    SYSTEM: {
      description:
        'Managed by admins (only an admin may create, change or delete one). Every signed-in user may read and run it while it is active; its CACHE keys live in one shared system namespace.',
    },
    USER: {
      description:
        'Belongs to the user who created it: only they (and admins) may read, change, run or delete it; its CACHE keys live in that user’s namespace.',
    },
  } satisfies Record<(typeof PATTERN_ORIGINS)[number], { description: string }>,
});

export const PatternCategoryEnum = builder.enumType('PatternCategory', {
  description:
    'What a pattern is for: a label to filter patterns by (PatternFilter.category). It changes nothing about how the pattern runs.',
  values: {
    FINANCE: { description: 'Money movements: payments, transfers, ledgers.' },
    NOTIFICATION: { description: 'Messages to users: e-mails, pushes, in-app notices.' },
    USER: { description: 'User accounts and profiles: sign-up, onboarding, settings.' },
    ASSET: { description: 'Things users own or hold: wallets, documents, items.' },
    BROADCAST: { description: 'Messages to many users at once.' },
    REFERRAL: { description: 'Invitations and referral programmes.' },
  } satisfies Record<(typeof PATTERN_CATEGORIES)[number], { description: string }>,
});

export const StepTypeEnum = builder.enumType('StepType', {
  description:
    'What kind of operation a step is. Each type has its own actions and parameters: the stepTypes query lists them with JSON Schemas.',
  values: {
    CACHE: {
      description:
        'One key of the caller’s key-value namespace: get, set (with an optional TTL) or delete.',
    },
    PIPELINE: {
      description: 'Several key-value operations sent together (exec), not atomic as a whole.',
    },
    TRANSACTION: {
      description:
        'Several key-value operations applied atomically (exec); with `watch` keys the attempt fails and is retried when one of them changes meanwhile.',
    },
    RELATIONSHIP: { description: 'Creates or deletes a relationship of the graph.' },
    GRAPH: { description: 'Reads the graph: find_path, traverse or detect_cycles.' },
    EVENT: { description: 'Publishes a CUSTOM event (publish) to the caller’s subscriptions.' },
    PATTERN: {
      description:
        'Runs another pattern as a child execution (execute) and waits for it; at most 5 levels deep.',
    },
    DELAY: { description: 'Waits a number of milliseconds (wait) holding no step slot.' },
  } satisfies Record<(typeof STEP_TYPES)[number], { description: string }>,
});

export const StepRef = builder.objectRef<Step>('Step').implement({
  description: 'One operation of a pattern. Parameters are templates filled from the input.',
  fields: (t) => ({
    id: t.exposeString('id', {
      description:
        'Unique within the pattern; other steps name it in dependsOn and templates read its output as {steps.<id>.output…}.',
    }),
    type: t.expose('type', { type: StepTypeEnum, description: 'What kind of operation it is.' }),
    action: t.exposeString('action', {
      description: 'What the step type does here, e.g. CACHE `get`; stepTypes lists each type’s.',
    }),
    parameters: t.expose('parameters', {
      type: 'JSON',
      nullable: true,
      description:
        'The action’s parameters, whose strings are templates ("user:{id}", "{steps.a.output.x}") filled in when the step runs; null when the action takes none.',
    }),
    dependsOn: t.exposeStringList('dependsOn', {
      description:
        'Ids of the steps that must succeed before this one starts; empty: it starts with the run.',
    }),
    retries: t.exposeInt('retries', {
      description:
        'Attempts after the first when one fails (0–10), with exponential backoff; template and parameter errors are not retried.',
    }),
    timeoutMs: t.exposeInt('timeoutMs', {
      nullable: true,
      description:
        'Milliseconds one attempt may take before it fails; null: the server default (NEXUS_STEP_TIMEOUT_MS, 30000 by default).',
    }),
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
    id: t.exposeID('id', {
      description:
        'Stable across versions, chosen at creation (or generated from the name): lowercase letters, digits and `_.:-`, at most 128 characters.',
    }),
    name: t.exposeString('name', { description: 'A human name, 1–200 characters.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'Free text, at most 2000 characters; null when none was given.',
    }),
    version: t.exposeInt('version', {
      description:
        'This version’s number: 1 at creation, one more for every update or restore. Pass it as expectedVersion to update safely.',
    }),
    origin: t.expose('origin', {
      type: PatternOriginEnum,
      description: 'SYSTEM (managed by admins) or USER (its creator’s); fixed at creation.',
    }),
    category: t.expose('category', {
      type: PatternCategoryEnum,
      description: 'What it is for, to filter by.',
    }),
    steps: t.expose('steps', {
      type: [StepRef],
      description: 'Its steps in the order written (they run in dependency order, not this one).',
    }),
    metadata: t.expose('metadata', {
      type: 'JSON',
      nullable: true,
      description:
        'Any JSON the client keeps with the pattern (at most 64 KiB); Nexus never reads it. Null when none.',
    }),
    transactional: t.exposeBoolean('transactional', {
      description:
        'When true, a run that fails or is cancelled undoes its completed steps in reverse order (ROLLED_BACK).',
    }),
    createdBy: t.exposeString('createdBy', {
      description:
        'The user id (token `sub`) of whoever created the pattern; it owns USER patterns.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the pattern (version 1) was created.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When this version was written; `patterns` lists newest updatedAt first.',
    }),
    isActive: t.exposeBoolean('isActive', {
      description:
        'An inactive SYSTEM pattern is hidden from everyone but admins; on USER patterns it is a label only.',
    }),
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
      description: 'Executions of this pattern id recorded so far (any version, every status).',
      resolve: async (pattern, _, ctx) => (await loadPatternStats(ctx, pattern.id)).usageCount,
    }),
    successRate: t.float({
      description: 'Succeeded executions / all executions; 0 before the first.',
      resolve: async (pattern, _, ctx) => successRate(await loadPatternStats(ctx, pattern.id)),
    }),
    avgDurationMs: t.float({
      nullable: true,
      description:
        'Mean duration of its recorded executions in milliseconds; null before the first.',
      resolve: async (pattern, _, ctx) => avgDurationMs(await loadPatternStats(ctx, pattern.id)),
    }),
    executions: t.field({
      type: ExecutionConnectionRef,
      description:
        'Executions of this pattern (any version) that the viewer may read (their own; every one for admins), newest first.',
      args: {
        first: t.arg.int({ description: 'Page size, 0–100; default 20.' }),
        after: t.arg.string({
          description: 'An endCursor of an earlier page: read the executions after it.',
        }),
        status: t.arg({
          type: ExecutionStatusEnum,
          description: 'Only executions in this status; all when omitted.',
        }),
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

export const PatternEdgeRef = builder.edgeObject({
  name: 'PatternEdge',
  type: PatternRef,
  ...edgeDescriptions('pattern'),
});

export const PatternConnectionRef = builder.connectionObject(
  {
    name: 'PatternConnection',
    type: PatternRef,
    ...connectionDescriptions('patterns', 'newest updatedAt first'),
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: TOTAL_COUNT_DESCRIPTION }),
    }),
  },
  PatternEdgeRef,
);

export const StepInput = builder.inputType('StepInput', {
  description:
    'One step of a pattern as written. createPattern and updatePattern check its parameters against its type and action (BAD_USER_INPUT with the path of every problem).',
  fields: (t) => ({
    id: t.string({
      required: true,
      description:
        'Unique within the pattern: 1–64 of `A-Za-z0-9_-`, not starting with `-` (no dots or braces: templates name it).',
    }),
    type: t.field({ type: StepTypeEnum, required: true, description: 'What kind of operation.' }),
    action: t.string({
      required: true,
      description:
        'One of the type’s actions (CACHE get|set|delete, PIPELINE and TRANSACTION exec, RELATIONSHIP create|delete, GRAPH find_path|traverse|detect_cycles, EVENT publish, PATTERN execute, DELAY wait).',
    }),
    parameters: t.field({
      type: 'JSON',
      description:
        'The action’s parameters (see stepTypes for their JSON Schema), at most 64 KiB; templates may read the input, {viewer.id}, {viewer.key} and the output of steps this one depends on.',
    }),
    dependsOn: t.stringList({
      description:
        'Ids of steps of this pattern that must succeed first; no cycles (the error names one). Default none.',
    }),
    retries: t.int({ description: '0–10 attempts after the first; default 0.' }),
    timeoutMs: t.int({ description: '1–300000 ms per attempt; default none.' }),
  }),
});

export const CreatePatternInput = builder.inputType('CreatePatternInput', {
  description: 'A new pattern: its version 1.',
  fields: (t) => ({
    id: t.id({
      description:
        'Matches ^[a-z0-9][a-z0-9_.:-]{0,127}$; CONFLICT when taken. Generated from the name when omitted (with _2, _3, … when that is taken).',
    }),
    name: t.string({ required: true, description: '1–200 characters, trimmed.' }),
    description: t.string({ description: 'At most 2000 characters; default none.' }),
    origin: t.field({
      type: PatternOriginEnum,
      description: 'Default USER; SYSTEM needs an admin (FORBIDDEN otherwise).',
    }),
    category: t.field({
      type: PatternCategoryEnum,
      required: true,
      description: 'What it is for.',
    }),
    steps: t.field({
      type: [StepInput],
      required: true,
      description: '1–100 steps (NEXUS_MAX_STEPS) with unique ids and no dependency cycle.',
    }),
    metadata: t.field({
      type: 'JSON',
      description: 'Any JSON to keep with the pattern, at most 64 KiB; default none.',
    }),
    transactional: t.boolean({
      description: 'Undo completed steps when a run fails or is cancelled; default false.',
    }),
    isActive: t.boolean({
      description: 'Default true; an inactive SYSTEM pattern is visible to admins only.',
    }),
  }),
});

export const UpdatePatternInput = builder.inputType('UpdatePatternInput', {
  description:
    'The fields to change; at least one must differ from the current version. Fields left out keep their value; null clears description or metadata and is BAD_USER_INPUT for the others.',
  fields: (t) => ({
    name: t.string({ description: '1–200 characters, trimmed.' }),
    description: t.string({ description: 'At most 2000 characters; null clears it.' }),
    category: t.field({ type: PatternCategoryEnum, description: 'What it is for.' }),
    steps: t.field({
      type: [StepInput],
      description: 'Replaces every step: 1–100, unique ids, no dependency cycle.',
    }),
    metadata: t.field({
      type: 'JSON',
      description: 'Replaces the metadata (at most 64 KiB); null clears it.',
    }),
    transactional: t.boolean({
      description: 'Undo completed steps when a run fails or is cancelled.',
    }),
    isActive: t.boolean({
      description: 'An inactive SYSTEM pattern is visible to admins only.',
    }),
  }),
});

export const PatternFilterInput = builder.inputType('PatternFilter', {
  description:
    'Which patterns to list, among those the viewer may read; every field given must match (omitted fields match all).',
  fields: (t) => ({
    origin: t.field({ type: PatternOriginEnum, description: 'Only SYSTEM or only USER patterns.' }),
    category: t.field({ type: PatternCategoryEnum, description: 'Only this category.' }),
    isActive: t.boolean({ description: 'Only active (true) or only inactive (false) patterns.' }),
    createdBy: t.string({ description: 'Only patterns created by this user id.' }),
    search: t.string({ description: 'Case-insensitive substring of name or description.' }),
  }),
});
