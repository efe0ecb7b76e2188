import {
  PATTERN_WARNING_CODES,
  type PatternWarning,
} from '../../domain/execution/pattern-warnings.js';
import type {
  KeyEffect,
  PlannedChildRun,
  PlannedEdge,
  PlannedEvent,
  StepEffects,
  UnknownEffect,
} from '../../domain/execution/plan-effects.js';
import type { PlannedText } from '../../domain/execution/planned-params.js';
import type { UnresolvedTarget, WriteConflict } from '../../domain/execution/write-conflicts.js';
import { builder } from '../builder.js';

/** The types of a dry run's effects and conflicts (ExecutionPlan), and of Pattern.warnings. */

const UNRESOLVED =
  'Nothing is invented: a value that reads another step\'s output ("{steps.x.output…}") is known only once that step ran.';

export const PlannedTextRef = builder.objectRef<PlannedText>('PlannedText').implement({
  description: `A string parameter as it will be for this input, or as written when it cannot be known before the run. ${UNRESOLVED}`,
  fields: (t) => ({
    template: t.exposeString('template', {
      description:
        'As written in the step (a value a placeholder takes whole from the input shows as that value).',
    }),
    value: t.exposeString('value', {
      nullable: true,
      description: 'What it will be for this input; null when unresolved.',
    }),
    resolved: t.exposeBoolean('resolved', {
      description: 'Whether `value` is known before the run.',
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why it is unresolved; null when resolved.',
    }),
  }),
});

export const KeyActionEnum = builder.enumType('KeyAction', {
  description: 'What a step does with a key.',
  values: {
    GET: { value: 'get', description: 'Reads it (CACHE get, a `get` op).' },
    SET: { value: 'set', description: 'Writes it (CACHE set, a `set` op).' },
    DELETE: { value: 'delete', description: 'Deletes it (CACHE delete, a `delete` op).' },
    WATCH: {
      value: 'watch',
      description: 'A TRANSACTION watches it: it reads it, and retries when it changes.',
    },
  } as const,
});

export const KeyEffectRef = builder.objectRef<KeyEffect>('KeyEffect').implement({
  description:
    "A key a step reads or writes. CACHE, PIPELINE and TRANSACTION keys live in the caller's namespace at run time: the key is shown as written, without that namespace.",
  fields: (t) => ({
    action: t.expose('action', { type: KeyActionEnum, description: 'What the step does with it.' }),
    key: t.expose('key', {
      type: PlannedTextRef,
      description: "The key, within the caller's namespace.",
    }),
  }),
});

export const PlannedEdgeRef = builder.objectRef<PlannedEdge>('PlannedEdge').implement({
  description: 'A relationship a RELATIONSHIP create step will create.',
  fields: (t) => ({
    from: t.expose('from', { type: PlannedTextRef, description: 'Its source entity id.' }),
    to: t.expose('to', { type: PlannedTextRef, description: 'Its target entity id.' }),
    type: t.expose('type', { type: PlannedTextRef, description: 'Its relationship type.' }),
  }),
});

export const PlannedEventRef = builder.objectRef<PlannedEvent>('PlannedEvent').implement({
  description: 'A CUSTOM event an EVENT step will publish (to the caller).',
  fields: (t) => ({
    eventType: t.expose('eventType', {
      type: PlannedTextRef,
      description: 'The event name (`event_type`).',
    }),
    payload: t.expose('payload', {
      type: 'JSON',
      nullable: true,
      description: 'The payload for this input; as written when `payloadResolved` is false.',
    }),
    payloadResolved: t.exposeBoolean('payloadResolved', {
      description: 'Whether all of the payload is known before the run.',
    }),
  }),
});

export const PlannedChildRunRef = builder.objectRef<PlannedChildRun>('PlannedChildRun').implement({
  description:
    "The pattern a PATTERN step runs as a child execution. The child's own effects are not expanded in this plan.",
  fields: (t) => ({
    patternId: t.expose('patternId', {
      type: PlannedTextRef,
      description: 'The id of the pattern it runs.',
    }),
    input: t.expose('input', {
      type: 'JSON',
      nullable: true,
      description: "The child's input for this input; as written when `inputResolved` is false.",
    }),
    inputResolved: t.exposeBoolean('inputResolved', {
      description: "Whether all of the child's input is known before the run.",
    }),
  }),
});

export const UnknownEffectRef = builder.objectRef<UnknownEffect>('UnknownEffect').implement({
  description:
    'A part of the parameters whose effect cannot be told before the run (of a shape the step does not take, or only known from another step): the step may fail there, or do what this plan does not show.',
  fields: (t) => ({
    parameter: t.exposeString('parameter', {
      description: 'Where in the parameters, e.g. "ops[2].action" ("" for all of them).',
    }),
    reason: t.exposeString('reason', { description: 'What is wrong or unknown there.' }),
  }),
});

export const StepEffectsRef = builder.objectRef<StepEffects>('StepEffects').implement({
  description: `What one step will do, filled in from the input by the scheduler's template engine. ${UNRESOLVED}`,
  fields: (t) => ({
    stepId: t.exposeString('stepId', { description: 'The step.' }),
    reads: t.expose('reads', {
      type: [KeyEffectRef],
      description:
        "Keys it reads, in the caller's namespace: CACHE get, `get` ops, a TRANSACTION's `watch` keys.",
    }),
    writes: t.expose('writes', {
      type: [KeyEffectRef],
      description: "Keys it sets or deletes, in the caller's namespace.",
    }),
    createsRelationships: t.expose('creates', {
      type: [PlannedEdgeRef],
      description: 'Relationships it creates (RELATIONSHIP create).',
    }),
    deletesRelationships: t.expose('deletes', {
      type: [PlannedTextRef],
      description: 'Ids of the relationships it deletes (RELATIONSHIP delete).',
    }),
    publishes: t.expose('publishes', {
      type: [PlannedEventRef],
      description: 'Events it publishes (EVENT publish).',
    }),
    runsPattern: t.expose('runsPattern', {
      type: PlannedChildRunRef,
      nullable: true,
      description: 'The pattern it runs as a child execution (PATTERN execute).',
    }),
    readsGraph: t.exposeBoolean('readsGraph', {
      description:
        'Whether it reads the relationship graph (GRAPH find_path, traverse, detect_cycles). Graph reads are not compared for conflicts.',
    }),
    unknown: t.expose('unknown', {
      type: [UnknownEffectRef],
      description: 'Parts of its parameters whose effect cannot be told before the run.',
    }),
  }),
});

export const ConflictKindEnum = builder.enumType('ConflictKind', {
  description: 'How two steps that may run at the same time collide.',
  values: {
    WRITE_WRITE: {
      description:
        'Both write the target (set or delete one key, create one relationship, delete one relationship id): which lands last is a race.',
    },
    READ_WRITE: {
      description: 'One writes a key the other reads: what is read depends on which runs first.',
    },
  } as const,
});

export const ConflictTargetEnum = builder.enumType('ConflictTarget', {
  description: 'What two steps collide on.',
  values: {
    KEY: { description: "A key in the caller's namespace (`key`)." },
    RELATIONSHIP: { description: 'A relationship with the same from, to and type (`edge`).' },
    RELATIONSHIP_ID: { description: 'A relationship deleted by id (`key` holds the id).' },
  } as const,
});

export const ConflictEdgeRef = builder
  .objectRef<NonNullable<WriteConflict['edge']>>('ConflictEdge')
  .implement({
    description: 'A relationship two steps both create, by its from, to and type.',
    fields: (t) => ({
      from: t.exposeString('from', { description: 'Its source entity id.' }),
      to: t.exposeString('to', { description: 'Its target entity id.' }),
      type: t.exposeString('type', { description: 'Its relationship type.' }),
    }),
  });

export const WriteConflictRef = builder.objectRef<WriteConflict>('WriteConflict').implement({
  description:
    'Two steps that may run at the same time (neither depends on the other, through any chain of dependsOn) and touch one target.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ConflictKindEnum, description: 'How they collide.' }),
    steps: t.exposeStringList('steps', {
      description:
        'The two steps, in pattern order for WRITE_WRITE; for READ_WRITE the writer first, then the reader.',
    }),
    target: t.expose('target', { type: ConflictTargetEnum, description: 'What they collide on.' }),
    key: t.exposeString('key', {
      nullable: true,
      description:
        "The key (in the caller's namespace) or relationship id; null for a RELATIONSHIP (see `edge`).",
    }),
    edge: t.expose('edge', {
      type: ConflictEdgeRef,
      nullable: true,
      description: 'The relationship both create; null unless the target is RELATIONSHIP.',
    }),
    inputIndependent: t.exposeBoolean('inputIndependent', {
      description:
        'Whether it holds for every input: both write the same text (a literal, or a template over the input and the viewer only). False when the two only coincide for this input.',
    }),
  }),
});

export const UnresolvedTargetRef = builder
  .objectRef<UnresolvedTarget>('UnresolvedTarget')
  .implement({
    description:
      'Something a step touches that cannot be known before the run, so it cannot be proven equal (or different) to what another step touches.',
    fields: (t) => ({
      stepId: t.exposeString('stepId', { description: 'The step.' }),
      what: t.exposeString('what', {
        description:
          'What is not known, e.g. "written key", "created relationship", "ops[2].action", "child pattern effects".',
      }),
      template: t.exposeString('template', {
        nullable: true,
        description: 'The template as written, when there is one.',
      }),
      reason: t.exposeString('reason', { description: 'Why it is not known.' }),
    }),
  });

export const PatternWarningCodeEnum = builder.enumType('PatternWarningCode', {
  description: 'What a pattern warning is about.',
  values: Object.fromEntries(
    PATTERN_WARNING_CODES.map((code) => [
      code,
      {
        description: {
          WRITE_WRITE_CONFLICT:
            'Two steps that may run at the same time write the same target, for every input.',
          READ_WRITE_CONFLICT:
            'A step writes a key that a step which may run at the same time reads, for every input.',
          MORE_CONFLICTS: 'More conflicts than are listed; the message says how many.',
          ANALYSIS_INCOMPLETE:
            'The steps read and write more than the analysis compares: conflicts among the rest are not known.',
        }[code],
      },
    ]),
  ) as Record<(typeof PATTERN_WARNING_CODES)[number], { description: string }>,
});

export const PatternWarningRef = builder.objectRef<PatternWarning>('PatternWarning').implement({
  description:
    "Something a pattern's steps may do wrong whatever the input, found without running them. A warning, not a refusal.",
  fields: (t) => ({
    code: t.expose('code', { type: PatternWarningCodeEnum, description: 'What it is about.' }),
    message: t.exposeString('message', { description: 'What it is, in words.' }),
    steps: t.exposeStringList('steps', { description: 'The steps concerned.' }),
    key: t.exposeString('key', {
      nullable: true,
      description:
        "The key as written (in the caller's namespace at run time) or relationship id, when it is about one.",
    }),
    edge: t.expose('edge', {
      type: ConflictEdgeRef,
      nullable: true,
      description: 'The relationship as written (from, to, type), when it is about one.',
    }),
  }),
});
