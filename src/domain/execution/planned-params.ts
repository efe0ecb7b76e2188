import type { JsonValue } from '../shared/json.js';
import { render, setOwn, TemplateError, type TemplateScope } from './template.js';

/**
 * A step's parameters as far as they can be known before the run: filled in from the input by
 * the scheduler's template engine, except the strings that read another step's output, which
 * stay as they are written (Pending). Readers walk the parameters as written and as filled in
 * side by side (a Slot), so that a key can say both what it will be and whether it is the same
 * text as another step's key (which holds for every input).
 */
export class Pending {
  constructor(
    readonly template: string,
    readonly reason: string,
  ) {}
}

export type Planned = null | boolean | number | string | Planned[] | PlannedObject | Pending;
export interface PlannedObject {
  [key: string]: Planned;
}

export interface Slot {
  /** As written in the step; undefined inside a value that a placeholder takes whole. */
  readonly raw: JsonValue | null | undefined;
  /** As it will be; undefined when the parameters have nothing here. */
  readonly value: Planned | undefined;
}

/** What a step's parameters will be, or why none of them can be known (the step would fail). */
export type PlannedParams = { slot: Slot } | { failure: string };

const OUTPUT_PLACEHOLDER = /\{steps(?:\.[A-Za-z0-9_-]+)*\}/;

/** Whether a text reads another step's output (so that it is known only once that step ran). */
export function readsOutput(text: string): boolean {
  return OUTPUT_PLACEHOLDER.test(text);
}

/** Whether any string of a template reads a step's output. */
function anyOutput(value: JsonValue | null): boolean {
  if (typeof value === 'string') return readsOutput(value);
  if (Array.isArray(value)) return value.some(anyOutput);
  if (value !== null && typeof value === 'object') return Object.values(value).some(anyOutput);
  return false;
}

/**
 * Fills in parameters as the scheduler would. Without output placeholders this is exactly the
 * scheduler's rendering (its size bound included); with them, each other string is filled in on
 * its own and the outputs are left Pending.
 */
export function planParams(
  parameters: JsonValue | null,
  scope: TemplateScope,
  maxBytes: number,
): PlannedParams {
  try {
    if (!anyOutput(parameters))
      return { slot: { raw: parameters, value: render(parameters, scope, maxBytes) } };
    return { slot: { raw: parameters, value: fillAround(parameters, scope, maxBytes) } };
  } catch (error) {
    if (error instanceof TemplateError) return { failure: error.message };
    throw error;
  }
}

/** The parameters as written, every templated string Pending: what holds for any input. */
export function staticParams(parameters: JsonValue | null): Slot {
  return { raw: parameters, value: asWritten(parameters) };
}

function fillAround(template: JsonValue | null, scope: TemplateScope, maxBytes: number): Planned {
  if (typeof template === 'string') {
    if (readsOutput(template)) return new Pending(template, "reads another step's output");
    return render(template, scope, maxBytes);
  }
  if (Array.isArray(template)) return template.map((item) => fillAround(item, scope, maxBytes));
  if (template !== null && typeof template === 'object') {
    const result: PlannedObject = {};
    for (const [key, value] of Object.entries(template))
      setOwn(result, key, fillAround(value, scope, maxBytes));
    return result;
  }
  return template;
}

function asWritten(template: JsonValue | null): Planned {
  if (typeof template === 'string')
    return template.includes('{') ? new Pending(template, 'filled in from the input') : template;
  if (Array.isArray(template)) return template.map(asWritten);
  if (template !== null && typeof template === 'object') {
    const result: PlannedObject = {};
    for (const [key, value] of Object.entries(template)) setOwn(result, key, asWritten(value));
    return result;
  }
  return template;
}

/** The slot under a field or index (nothing there: both undefined). */
export function child(slot: Slot, at: string | number): Slot {
  return {
    raw: childOf(slot.raw, at) as JsonValue | null | undefined,
    value: childOf(slot.value, at) as Planned | undefined,
  };
}

function childOf(value: unknown, at: string | number): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Pending) return undefined;
  if (Array.isArray(value)) return typeof at === 'number' ? value[at] : undefined;
  if (typeof at !== 'string' || !Object.hasOwn(value, at)) return undefined;
  return (value as Record<string, unknown>)[at];
}

/** The items of a list slot, or null when it is not (known to be) a list. */
export function items(slot: Slot): Slot[] | null {
  if (!Array.isArray(slot.value)) return null;
  return slot.value.map((_, i) => child(slot, i));
}

/** A string parameter as it will be, or as written when it cannot be known yet. */
export interface PlannedText {
  /** As written; a value taken whole from the input shows as that value. */
  template: string;
  value: string | null;
  resolved: boolean;
  /** Why it is unresolved (null when resolved). */
  reason: string | null;
  /**
   * The text as written when it is written here and reads no step output: two such texts that
   * are equal stay equal for every input (null otherwise).
   */
  writtenAs: string | null;
}

/** A string slot as planned text, or null when it is no string (a shape the step rejects). */
export function text(slot: Slot): PlannedText | null {
  const writtenAs = typeof slot.raw === 'string' && !readsOutput(slot.raw) ? slot.raw : null;
  if (slot.value instanceof Pending) {
    const { template, reason } = slot.value;
    return { template, value: null, resolved: false, reason, writtenAs };
  }
  if (typeof slot.value !== 'string') return null;
  const template = typeof slot.raw === 'string' ? slot.raw : slot.value;
  return { template, value: slot.value, resolved: true, reason: null, writtenAs };
}

/** A JSON slot as it will be, or its template (and `resolved: false`) when not all is known. */
export function json(slot: Slot): { value: JsonValue | null; resolved: boolean } {
  const resolved = isResolved(slot.value);
  return {
    value: resolved ? ((slot.value ?? null) as JsonValue | null) : (slot.raw ?? null),
    resolved,
  };
}

function isResolved(value: Planned | undefined): boolean {
  if (value instanceof Pending) return false;
  if (Array.isArray(value)) return value.every(isResolved);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isResolved);
  return true;
}
