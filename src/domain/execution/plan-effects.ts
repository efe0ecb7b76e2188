import type { Step } from '../pattern/pattern.js';
import type { JsonValue } from '../shared/json.js';
import {
  child,
  items,
  json,
  type PlannedParams,
  type PlannedText,
  type Slot,
  text,
} from './planned-params.js';

/**
 * What a step will do, read from its parameters as planned (see planned-params.ts). Parameters
 * are read defensively, one small reader per step type: a part of the wrong shape is no effect
 * known, and is listed as unknown, since the step then fails (or does something not foreseen).
 */
export type KeyAction = 'get' | 'set' | 'delete' | 'watch';

export interface KeyEffect {
  action: KeyAction;
  key: PlannedText;
}

export interface PlannedEdge {
  from: PlannedText;
  to: PlannedText;
  type: PlannedText;
}

export interface PlannedEvent {
  eventType: PlannedText;
  payload: JsonValue | null;
  payloadResolved: boolean;
}

export interface PlannedChildRun {
  patternId: PlannedText;
  input: JsonValue | null;
  inputResolved: boolean;
}

/** A part of the parameters whose effect cannot be told before the run. */
export interface UnknownEffect {
  /** Where in the parameters, e.g. "ops[2].action" ("" for all of them). */
  parameter: string;
  reason: string;
}

export interface StepEffects {
  stepId: string;
  reads: KeyEffect[];
  writes: KeyEffect[];
  creates: PlannedEdge[];
  /** Relationship ids deleted. */
  deletes: PlannedText[];
  publishes: PlannedEvent[];
  runsPattern: PlannedChildRun | null;
  readsGraph: boolean;
  unknown: UnknownEffect[];
}

type Reader = (step: Step, params: Slot, effects: StepEffects) => void;

const READERS: Record<Step['type'], Reader> = {
  CACHE: readCache,
  PIPELINE: (_, params, effects) => readOps(params, effects, false),
  TRANSACTION: (_, params, effects) => readOps(params, effects, true),
  RELATIONSHIP: readRelationship,
  GRAPH: (_, __, effects) => {
    effects.readsGraph = true;
  },
  EVENT: readEvent,
  PATTERN: readPattern,
  DELAY: () => {},
};

export function noEffects(stepId: string): StepEffects {
  return {
    stepId,
    reads: [],
    writes: [],
    creates: [],
    deletes: [],
    publishes: [],
    runsPattern: null,
    readsGraph: false,
    unknown: [],
  };
}

/** The effects of a step whose parameters are planned (or could not be: `failure`). */
export function stepEffects(step: Step, params: PlannedParams): StepEffects {
  const effects = noEffects(step.id);
  if ('failure' in params) effects.unknown.push({ parameter: '', reason: params.failure });
  else READERS[step.type](step, params.slot, effects);
  return effects;
}

function wrongShape(effects: StepEffects, parameter: string, expected: string): void {
  effects.unknown.push({ parameter, reason: `is not ${expected}` });
}

/** A string parameter that must be there; missing or of another type: unknown. */
function required(slot: Slot, field: string, at: string, effects: StepEffects): PlannedText | null {
  const found = text(child(slot, field));
  if (!found) wrongShape(effects, `${at}${field}`, 'a string');
  return found;
}

/** CACHE get|set|delete `key`: the action is the step's own. */
function readCache(step: Step, params: Slot, effects: StepEffects): void {
  readOp(params, step.action, '', effects);
}

/** One key op; its action as given (a step's action, or an op's `action` field). */
function readOp(op: Slot, action: unknown, at: string, effects: StepEffects): void {
  if (action !== 'get' && action !== 'set' && action !== 'delete') {
    wrongShape(effects, `${at}action`, 'get, set or delete (known before the run)');
    return;
  }
  const key = required(op, 'key', at, effects);
  if (!key) return;
  (action === 'get' ? effects.reads : effects.writes).push({ action, key });
}

/** PIPELINE / TRANSACTION `ops[]`; a TRANSACTION's `watch` keys are read (and compared). */
function readOps(params: Slot, effects: StepEffects, watches: boolean): void {
  const ops = items(child(params, 'ops'));
  if (!ops) wrongShape(effects, 'ops', 'a list known before the run');
  ops?.forEach((op, i) => {
    const at = `ops[${i}].`;
    const action = child(op, 'action').value;
    readOp(op, action, at, effects);
  });
  if (!watches) return;
  const watch = child(params, 'watch');
  if (watch.value === undefined || watch.value === null) return;
  const keys = items(watch);
  if (!keys) {
    wrongShape(effects, 'watch', 'a list known before the run');
    return;
  }
  keys.forEach((slot, i) => {
    const key = text(slot);
    if (key) effects.reads.push({ action: 'watch', key });
    else wrongShape(effects, `watch[${i}]`, 'a string');
  });
}

/** RELATIONSHIP create (`from`, `to`, `type`) | delete (`id`). */
function readRelationship(step: Step, params: Slot, effects: StepEffects): void {
  if (step.action === 'delete') {
    const id = required(params, 'id', '', effects);
    if (id) effects.deletes.push(id);
    return;
  }
  const from = required(params, 'from', '', effects);
  const to = required(params, 'to', '', effects);
  const type = required(params, 'type', '', effects);
  if (from && to && type) effects.creates.push({ from, to, type });
}

/** EVENT publish `event_type` with `payload`. */
function readEvent(_: Step, params: Slot, effects: StepEffects): void {
  const eventType = required(params, 'event_type', '', effects);
  if (!eventType) return;
  const payload = json(child(params, 'payload'));
  effects.publishes.push({
    eventType,
    payload: payload.value,
    payloadResolved: payload.resolved,
  });
}

/** PATTERN execute `pattern_id` with `input`: the child's own effects are not expanded here. */
function readPattern(_: Step, params: Slot, effects: StepEffects): void {
  const patternId = required(params, 'pattern_id', '', effects);
  if (!patternId) return;
  const input = json(child(params, 'input'));
  effects.runsPattern = { patternId, input: input.value, inputResolved: input.resolved };
}

/**
 * Effects past the first `max` reads, writes, relationships and unknown parts of a pattern are
 * not listed (1000 ops in each of 100 steps would make a plan of megabytes): each step cut short
 * says so under `unknown`, so that its conflicts are not claimed complete either.
 */
export function listedEffects(effects: readonly StepEffects[], max: number): StepEffects[] {
  let left = max;
  return effects.map((step) => {
    const size =
      step.reads.length +
      step.writes.length +
      step.creates.length +
      step.deletes.length +
      step.unknown.length;
    if (size <= left) {
      left -= size;
      return step;
    }
    const take = <T>(list: readonly T[]): T[] => {
      const kept = list.slice(0, Math.max(0, left));
      left -= kept.length;
      return kept;
    };
    const cut: StepEffects = {
      ...step,
      reads: take(step.reads),
      writes: take(step.writes),
      creates: take(step.creates),
      deletes: take(step.deletes),
      unknown: take(step.unknown),
    };
    cut.unknown.push({
      parameter: '',
      reason: `not listed: only the first ${max} reads, writes and unknown parts of a pattern are`,
    });
    return cut;
  });
}
