/**
 * Step parameters are templates: "user:{id}" interpolates input field `id`; a string that is
 * exactly "{user_data}" yields the raw value; "{steps.<stepId>.output.<path>}" reads an earlier
 * step's output. Paths may be dotted ("{user.address.city}"). "{viewer.id}" is whoever runs the
 * execution, and "{viewer.key}" the same id escaped for keys (no `:`), so that a system pattern can
 * bind a key to its caller: "note:{viewer.key}:{name}" never reaches another caller's notes.
 * `steps` and `viewer` are therefore not read from the input.
 */
import type { JsonValue } from '../shared/json.js';
import { JsonBudget } from './json-budget.js';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\}/g;
const WHOLE = /^\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\}$/;

export interface TemplateScope {
  input: unknown;
  /** Outputs of finished steps, by step id. */
  outputs: ReadonlyMap<string, unknown>;
  /** Who runs the execution: `id` as given, `key` escaped for use inside keys. */
  viewer: { id: string; key: string };
}

/** A placeholder that names nothing: the step cannot run (not retried). */
export class TemplateError extends Error {}

/**
 * Rendering counts what it produces, so that a small input repeated by many placeholders (1000
 * ops each holding "{p}") is refused before it is built, instead of multiplying a request.
 */
function renderedTooLarge(maxBytes: number): TemplateError {
  return new TemplateError(`its parameters exceed ${maxBytes} bytes once filled in`);
}

/** Fills in a template; an object without placeholders is returned as it is. */
export function render(
  template: JsonValue | null,
  scope: TemplateScope,
  maxBytes = Number.POSITIVE_INFINITY,
): JsonValue | null {
  if (template !== null && typeof template === 'object' && !hasPlaceholder(template))
    return template;
  return fill(template, scope, maxBytes);
}

/** Fills in a template known to need it (see CompiledStep.templated). */
export function fill(
  template: JsonValue | null,
  scope: TemplateScope,
  maxBytes: number,
): JsonValue | null {
  return renderValue(template, scope, new JsonBudget(maxBytes, renderedTooLarge));
}

export function hasPlaceholder(value: JsonValue | null): boolean {
  if (typeof value === 'string') return value.includes('{');
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}

function renderValue(
  template: JsonValue | null,
  scope: TemplateScope,
  budget: JsonBudget,
): JsonValue | null {
  if (typeof template === 'string') return renderString(template, scope, budget);
  if (Array.isArray(template)) {
    budget.spend(template.length + 1);
    return template.map((item) => renderValue(item, scope, budget));
  }
  if (template !== null && typeof template === 'object') {
    const result: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(template)) {
      budget.spend(key.length + 4);
      setOwn(result, key, renderValue(value, scope, budget) as JsonValue);
    }
    return result;
  }
  budget.spend(String(template).length);
  return template;
}

function renderString(text: string, scope: TemplateScope, budget: JsonBudget): JsonValue {
  const whole = WHOLE.exec(text);
  if (whole?.[1]) {
    const value = lookup(whole[1], scope);
    budget.spendValue(value);
    return value as JsonValue;
  }
  budget.spend(text.length + 2);
  return text.replace(PLACEHOLDER, (_, path: string) => {
    const value = lookup(path, scope);
    if (typeof value === 'string') {
      budget.spend(value.length);
      return value;
    }
    budget.spendValue(value);
    return JSON.stringify(value);
  });
}

function lookup(path: string, scope: TemplateScope): unknown {
  const parts = path.split('.');
  if (parts[0] === 'steps') {
    const [, stepId = '', output, ...rest] = parts;
    if (!scope.outputs.has(stepId) || output !== 'output') {
      throw new TemplateError(`{${path}}: step "${stepId}" has no output yet`);
    }
    return dig(scope.outputs.get(stepId), rest, path);
  }
  if (parts[0] === 'viewer') {
    const [, field, ...rest] = parts;
    if ((field !== 'id' && field !== 'key') || rest.length > 0) {
      throw new TemplateError(`{${path}}: the viewer has only "id" and "key"`);
    }
    return scope.viewer[field];
  }
  return dig(scope.input, parts, path);
}

/**
 * Sets a key as an own property: `result["__proto__"] = v` would set the prototype instead, and
 * the key (a legal JSON key) would vanish from what is stored.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

/** Only a value's own fields are read: "{constructor}" names nothing in `{}`. */
function dig(value: unknown, parts: readonly string[], path: string): unknown {
  let current = value;
  for (const part of parts) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
      throw new TemplateError(`{${path}} names nothing in the input`);
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The placeholder paths in one string, in order: "user:{id}:{steps.a.output}" → ["id", "steps.a.output"]. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Input paths a template reads (not step outputs), e.g. ["id", "user.name"]. */
export function inputPaths(template: JsonValue | null): string[] {
  const paths = new Set<string>();
  const visit = (value: JsonValue | null): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(PLACEHOLDER)) {
        const path = match[1] ?? '';
        if (!path.startsWith('steps.') && !path.startsWith('viewer.')) paths.add(path);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(template);
  return [...paths];
}

export function hasPath(value: unknown, path: string): boolean {
  try {
    dig(value, path.split('.'), path);
    return true;
  } catch {
    return false;
  }
}
