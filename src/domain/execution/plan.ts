import type { Step } from '../pattern/pattern.js';

export interface ExecutionPlan {
  /** Steps grouped by how many dependencies deep they are (they may start earlier). */
  levels: string[][];
  /** The longest chain of dependent steps. */
  criticalPath: string[];
}

/** Topological levels and the critical path of a (validated, acyclic) step graph. */
export function planSteps(steps: readonly Step[]): ExecutionPlan {
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
