import type { Step } from '../pattern/pattern.js';
import type { JsonValue } from '../shared/json.js';
import { listedEffects, type StepEffects, stepEffects } from './plan-effects.js';
import { planParams } from './planned-params.js';
import { StepAncestry } from './step-ancestry.js';
import type { TemplateScope } from './template.js';
import { type ConflictReport, findConflicts, MAX_COMPARED_ACCESSES } from './write-conflicts.js';

export interface StepOrder {
  /** Steps grouped by how many dependencies deep they are (they may start earlier). */
  levels: string[][];
  /** The longest chain of dependent steps. */
  criticalPath: string[];
}

export interface ExecutionPlan extends StepOrder {
  /** What each step will do with this input, in pattern order. */
  effects: StepEffects[];
  /** Write conflicts between steps that may run at the same time, for this input. */
  conflicts: ConflictReport;
}

/**
 * A dry run of validated steps for one input: their order, what each will read and write (filled
 * in by the scheduler's template engine; what reads a step output stays unresolved) and the
 * conflicts that follow. Touches nothing.
 */
export function planRun(
  steps: readonly Step[],
  input: JsonValue | null,
  viewer: TemplateScope['viewer'],
  maxRenderedBytes: number,
): ExecutionPlan {
  const scope: TemplateScope = { input, outputs: new Map(), viewer };
  const effects = listedEffects(
    steps.map((step) => stepEffects(step, planParams(step.parameters, scope, maxRenderedBytes))),
    MAX_COMPARED_ACCESSES,
  );
  return {
    ...planSteps(steps),
    effects,
    conflicts: findConflicts(effects, new StepAncestry(steps), 'planned'),
  };
}

/** Topological levels and the critical path of a (validated, acyclic) step graph. */
export function planSteps(steps: readonly Step[]): StepOrder {
  const level = new Map<string, number>();
  const via = new Map<string, string | null>();
  const byId = new Map(steps.map((step) => [step.id, step]));
  const depth = (id: string): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    let best = 0;
    let parent: string | null = null;
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      const candidate = depth(dep) + 1;
      if (candidate > best) {
        best = candidate;
        parent = dep;
      }
    }
    level.set(id, best);
    via.set(id, parent);
    return best;
  };
  for (const step of steps) depth(step.id);

  const levels: string[][] = [];
  for (const step of steps) {
    const at = level.get(step.id) ?? 0;
    levels[at] = [...(levels[at] ?? []), step.id];
  }
  let end: string | null = null;
  for (const step of steps)
    if (end === null || (level.get(step.id) ?? 0) > (level.get(end) ?? 0)) end = step.id;
  const criticalPath: string[] = [];
  for (let at = end; at !== null && at !== undefined; at = via.get(at) ?? null)
    criticalPath.unshift(at);
  return { levels, criticalPath };
}
