import type { Pattern, Step } from '../pattern/pattern.js';
import type { KeyValueOp } from './key-value-store.js';
import { cacheOp } from './runners/cache-op.js';
import { hasPlaceholder, inputPaths } from './template.js';

/**
 * A pattern version as its runs use it, worked out once when the version is read (RecentPatterns
 * keeps it): the dependency graph, the input its templates need, and for each step what every run
 * of it shares. Every run and child run of the version is handed this one object.
 */
export interface CompiledPattern extends Pattern {
  steps: CompiledStep[];
  /** Every step by its id. */
  readonly byId: ReadonlyMap<string, CompiledStep>;
  /** The steps that depend on none: they start first. */
  readonly roots: readonly CompiledStep[];
  /** The steps that depend on each step, by its id. */
  readonly dependents: ReadonlyMap<string, readonly CompiledStep[]>;
  /** Input paths the templates read, with the steps that read each. */
  readonly requiredInputs: ReadonlyMap<string, readonly string[]>;
}

export interface CompiledStep extends Step {
  /** Whether its parameters are filled in per run; those without placeholders pass as they are. */
  readonly templated: boolean;
  /** A CACHE step's op, when its parameters are literal and valid: parsed once for every run. */
  readonly literalOp: KeyValueOp | null;
}

export function compilePattern(pattern: Pattern): CompiledPattern {
  const steps = pattern.steps.map(compileStep);
  const dependents = new Map<string, CompiledStep[]>();
  const requiredInputs = new Map<string, string[]>();
  for (const step of steps) {
    for (const dep of step.dependsOn) addTo(dependents, dep, step);
    for (const path of inputPaths(step.parameters)) addTo(requiredInputs, path, step.id);
  }
  return {
    ...pattern,
    steps,
    byId: new Map(steps.map((step) => [step.id, step])),
    roots: steps.filter((step) => step.dependsOn.length === 0),
    dependents,
    requiredInputs,
  };
}

function compileStep(step: Step): CompiledStep {
  const { parameters } = step;
  // Only an object can be passed on unrendered: a literal string is still counted when filled in.
  const templated =
    parameters === null || typeof parameters !== 'object' || hasPlaceholder(parameters);
  return {
    ...step,
    templated,
    literalOp: step.type === 'CACHE' && !templated ? validOp(step) : null,
  };
}

/** The op, or null when the parameters are invalid: the step then fails as it runs, each time. */
function validOp(step: Step): KeyValueOp | null {
  try {
    return cacheOp(step, step.parameters);
  } catch {
    return null;
  }
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
