import { canReadPattern } from '../shared/access.js';
import { type Issue, ValidationError } from '../shared/errors.js';
import type { Viewer } from '../shared/viewer.js';
import type { Step } from './pattern.js';
import { isPatternId } from './pattern-input.js';
import type { PatternStore } from './pattern-store.js';

/** Patterns one loop may pass through before the search stops looking. */
const MAX_LOOP_LENGTH = 20;

/**
 * A PATTERN step naming (directly or through other patterns) the pattern itself would recurse
 * forever: refused, naming the loop. Only literal ids can be checked here; templated ones are
 * checked when they run. The walk goes only through patterns the viewer may read: the rest
 * do not exist for them, so a loop through another user's pattern must not be an answer
 * (it would show that pattern and what it runs). Such a loop cannot run from the viewer's
 * patterns anyway, and executions stop any loop at run time (call stack, composite depth).
 */
export async function refuseRecursion(
  store: Pick<PatternStore, 'get'>,
  viewer: Viewer,
  id: string,
  steps: readonly Step[],
): Promise<void> {
  const issues: Issue[] = [];
  for (const [index, step] of steps.entries()) {
    const target = referencedPattern(step);
    if (target === null) continue;
    const loop = await pathBackTo(store, viewer, id, target, [id]);
    if (loop) {
      issues.push({
        path: ['input', 'steps', index, 'parameters', 'pattern_id'],
        message: `would make the pattern recursive: ${loop.join(' → ')}`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

async function pathBackTo(
  store: Pick<PatternStore, 'get'>,
  viewer: Viewer,
  origin: string,
  at: string,
  path: string[],
): Promise<string[] | null> {
  if (at === origin) return [...path, at];
  if (path.includes(at) || path.length > MAX_LOOP_LENGTH || !isPatternId(at)) return null;
  const pattern = await store.get(at);
  if (!pattern || !canReadPattern(viewer, pattern)) return null;
  for (const step of pattern.steps) {
    const next = referencedPattern(step);
    if (next === null) continue;
    const found = await pathBackTo(store, viewer, origin, next, [...path, at]);
    if (found) return found;
  }
  return null;
}

/** The pattern a PATTERN step runs, when its id is literal (a templated one is known at run). */
function referencedPattern(step: Step): string | null {
  if (step.type !== 'PATTERN' || step.parameters === null || typeof step.parameters !== 'object')
    return null;
  const target = (step.parameters as Record<string, unknown>).pattern_id;
  return typeof target === 'string' && !target.includes('{') ? target : null;
}
