/** Dependency-graph algorithms over steps (`id` + `dependsOn`). Pure, no I/O. */
export interface DagNode {
  id: string;
  dependsOn: readonly string[];
}

/**
 * Finds one dependency cycle, returned as the path that closes it, e.g. `['a', 'b', 'a']`
 * when a depends on b and b on a. Unknown dependencies are ignored (reported elsewhere).
 */
export function findCycle(nodes: readonly DagNode[]): string[] | null {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep)) continue;
      const depState = state.get(dep);
      if (depState === 'visiting') return [...stack.slice(stack.indexOf(dep)), dep];
      if (depState === undefined) {
        const cycle = visit(dep);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };

  for (const node of nodes) {
    if (state.has(node.id)) continue;
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return null;
}

export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' → ');
}
