/**
 * Placeholders that read other steps or the viewer, checked when a pattern is written. A step
 * may read only the output of a step it depends on, directly or through others: any other step
 * may not have finished when it starts (the run would race). Input fields are not checked here:
 * the input comes with each run (planPattern lists what it needs).
 */
import { placeholdersIn } from '../../execution/template.js';
import type { Issue } from '../../shared/errors.js';

export interface StepNode {
  id: string;
  dependsOn: readonly string[];
  parameters: unknown;
}

/** Problems of every step's placeholders, each at the path of the string that holds it. */
export function referenceIssues(steps: ReadonlyArray<StepNode | null>): Issue[] {
  const byId = new Map<string, StepNode>();
  for (const step of steps) if (step && !byId.has(step.id)) byId.set(step.id, step);
  const ancestors = ancestorsOf(byId);
  const issues: Issue[] = [];
  steps.forEach((step, index) => {
    if (!step) return;
    const before = ancestors(step.id);
    visitStrings(step.parameters, ['parameters'], (text, path) => {
      for (const placeholder of placeholdersIn(text)) {
        const message = problemOf(placeholder, step.id, byId, before);
        if (message)
          issues.push({ path: [index, ...path], message: `{${placeholder}}: ${message}` });
      }
    });
  });
  return issues;
}

function problemOf(
  placeholder: string,
  self: string,
  byId: ReadonlyMap<string, StepNode>,
  before: ReadonlySet<string>,
): string | null {
  const [root, name, field] = placeholder.split('.');
  if (root === 'viewer') {
    return (name === 'id' || name === 'key') && field === undefined
      ? null
      : 'the viewer has only "id" and "key"';
  }
  if (root !== 'steps') return null;
  if (name === undefined || field !== 'output') {
    return 'a step is read as {steps.<id>.output} or {steps.<id>.output.<path>}';
  }
  if (!byId.has(name)) return `"${name}" names no step of this pattern`;
  if (name === self) return 'a step cannot read its own output';
  if (!before.has(name)) {
    return `step "${self}" does not depend on "${name}" (directly or through other steps), so "${name}" may not have run yet`;
  }
  return null;
}

/** Each step's transitive dependencies, worked out once per step; a cycle is simply cut. */
function ancestorsOf(byId: ReadonlyMap<string, StepNode>): (id: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  const visit = (id: string, visiting: Set<string>): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const result = new Set<string>();
    visiting.add(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep) || visiting.has(dep)) continue;
      result.add(dep);
      for (const further of visit(dep, visiting)) result.add(further);
    }
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };
  return (id) => visit(id, new Set());
}

/** Calls `onString` with each string and its path; one path array for the walk, copied on use. */
function visitStrings(
  value: unknown,
  path: Array<string | number>,
  onString: (text: string, path: Array<string | number>) => void,
): void {
  if (typeof value === 'string') {
    onString(value, [...path]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    path.push(key);
    visitStrings(item, path, onString);
    path.pop();
  }
}
