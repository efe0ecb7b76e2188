import { canReadPattern } from '../shared/access.js';
import { type Issue, ValidationError } from '../shared/errors.js';
import type { Viewer } from '../shared/viewer.js';
import type { Pattern, Step } from './pattern.js';
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
  const search = new LoopSearch(store, viewer, id);
  for (const [index, step] of steps.entries()) {
    const target = referencedPattern(step);
    if (target === null) continue;
    const loop = await search.pathBack(target, [id]);
    if (loop) {
      issues.push({
        path: ['input', 'steps', index, 'parameters', 'pattern_id'],
        message: `would make the pattern recursive: ${loop.join(' → ')}`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * One search for paths back to `origin`, shared by the steps of one check. Each pattern is read
 * once, and one searched without finding a way back is not searched again (unless reached with
 * more room left): without that, patterns whose steps all name the same next pattern make the
 * walk exponential (30 steps over 4 levels: 30^4 reads for one request).
 */
class LoopSearch {
  private readonly patterns = new Map<string, Promise<Pattern | null>>();
  /** Patterns searched to no loop, with how many more patterns the path had room for. */
  private cleared = new Map<string, number>();

  constructor(
    private readonly store: Pick<PatternStore, 'get'>,
    private readonly viewer: Viewer,
    private readonly origin: string,
  ) {}

  async pathBack(target: string, path: string[]): Promise<string[] | null> {
    const found = await this.walk(target, path);
    // A search that found a loop may have given up on patterns on its way (cut where the path
    // crossed itself) that reach the origin another way: what it cleared is not to be trusted.
    if (found) this.cleared = new Map();
    return found;
  }

  private async walk(at: string, path: string[]): Promise<string[] | null> {
    if (at === this.origin) return [...path, at];
    if (path.includes(at) || path.length > MAX_LOOP_LENGTH || !isPatternId(at)) return null;
    const room = MAX_LOOP_LENGTH - path.length;
    if ((this.cleared.get(at) ?? -1) >= room) return null;
    const pattern = await this.read(at);
    if (pattern && canReadPattern(this.viewer, pattern)) {
      const next = new Set(pattern.steps.map(referencedPattern));
      for (const target of next) {
        if (target === null) continue;
        const found = await this.walk(target, [...path, at]);
        if (found) return found;
      }
    }
    this.cleared.set(at, room);
    return null;
  }

  private read(id: string): Promise<Pattern | null> {
    let pattern = this.patterns.get(id);
    if (pattern === undefined) {
      pattern = this.store.get(id);
      this.patterns.set(id, pattern);
    }
    return pattern;
  }
}

/** The pattern a PATTERN step runs, when its id is literal (a templated one is known at run). */
function referencedPattern(step: Step): string | null {
  if (step.type !== 'PATTERN' || step.parameters === null || typeof step.parameters !== 'object')
    return null;
  const target = (step.parameters as Record<string, unknown>).pattern_id;
  return typeof target === 'string' && !target.includes('{') ? target : null;
}
