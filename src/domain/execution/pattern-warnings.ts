import type { Pattern } from '../pattern/pattern.js';
import { stepEffects } from './plan-effects.js';
import { staticParams } from './planned-params.js';
import { StepAncestry } from './step-ancestry.js';
import {
  type ConflictKind,
  findConflicts,
  MAX_COMPARED_ACCESSES,
  type WriteConflict,
} from './write-conflicts.js';

/**
 * What a pattern version's steps may do wrong whatever the input, found without running them:
 * steps that may run at the same time and write (or write and read) a target written the same
 * way in both. Warnings, not refusals: the author may mean it (a last-writer-wins cache).
 */
export const PATTERN_WARNING_CODES = [
  'WRITE_WRITE_CONFLICT',
  'READ_WRITE_CONFLICT',
  'MORE_CONFLICTS',
  'ANALYSIS_INCOMPLETE',
] as const;
export type PatternWarningCode = (typeof PATTERN_WARNING_CODES)[number];

export interface PatternWarning {
  code: PatternWarningCode;
  message: string;
  steps: string[];
  key: string | null;
  edge: WriteConflict['edge'];
}

const CODES: Record<ConflictKind, PatternWarningCode> = {
  WRITE_WRITE: 'WRITE_WRITE_CONFLICT',
  READ_WRITE: 'READ_WRITE_CONFLICT',
};

/** Versions are immutable: the analysis of each version object is kept with it. */
const analysed = new WeakMap<readonly Pattern['steps'][number][], PatternWarning[]>();

export function patternWarnings(pattern: Pick<Pattern, 'steps'>): PatternWarning[] {
  const known = analysed.get(pattern.steps);
  if (known) return known;
  const effects = pattern.steps.map((step) =>
    stepEffects(step, { slot: staticParams(step.parameters) }),
  );
  const report = findConflicts(effects, new StepAncestry(pattern.steps), 'written');
  const warnings = report.conflicts.map(toWarning);
  if (report.count > report.conflicts.length)
    warnings.push({
      code: 'MORE_CONFLICTS',
      message: `${report.count - report.conflicts.length} more conflicts are not listed (${report.count} in all)`,
      steps: [],
      key: null,
      edge: null,
    });
  if (report.cutShort)
    warnings.push({
      code: 'ANALYSIS_INCOMPLETE',
      message: `only the first ${MAX_COMPARED_ACCESSES} reads and writes of the steps were compared: conflicts among the others are not known`,
      steps: [],
      key: null,
      edge: null,
    });
  analysed.set(pattern.steps, warnings);
  return warnings;
}

/**
 * The warnings of the versions shown lately, by pattern, generation and version (a version never
 * changes): a page of patterns read again is not analysed again, and reading them does not
 * displace the compiled versions that runs use. Bounded in versions and in warnings held.
 */
export class VersionWarnings {
  private readonly entries = new Map<string, PatternWarning[]>();
  private held = 0;
  /** Analyses made (for tests: each version once while it is kept). */
  analyses = 0;

  constructor(
    private readonly maxVersions = 2_000,
    private readonly maxWarnings = 50_000,
  ) {}

  of(pattern: Pick<Pattern, 'id' | 'generation' | 'version' | 'steps'>): PatternWarning[] {
    const key = `${pattern.id}\u0000${pattern.generation}\u0000${pattern.version}`;
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    this.analyses += 1;
    const warnings = patternWarnings(pattern);
    const weight = warnings.length + 1;
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.maxVersions || this.held + weight > this.maxWarnings)
    ) {
      const [oldest] = this.entries;
      if (!oldest) break;
      this.entries.delete(oldest[0]);
      this.held -= oldest[1].length + 1;
    }
    this.entries.set(key, warnings);
    this.held += weight;
    return warnings;
  }

  get size(): number {
    return this.entries.size;
  }
}

function toWarning(conflict: WriteConflict): PatternWarning {
  const [a, b] = conflict.steps;
  const target =
    conflict.target === 'KEY'
      ? `key "${conflict.key}"`
      : conflict.target === 'RELATIONSHIP_ID'
        ? `relationship "${conflict.key}"`
        : `relationship ${conflict.edge?.from} -[${conflict.edge?.type}]-> ${conflict.edge?.to}`;
  const what =
    conflict.kind === 'WRITE_WRITE'
      ? `both ${conflict.target === 'RELATIONSHIP' ? 'create' : conflict.target === 'KEY' ? 'write' : 'delete'} ${target}`
      : `"${a}" writes ${target}, which "${b}" reads`;
  return {
    code: CODES[conflict.kind],
    message: `steps "${a}" and "${b}" may run at the same time (neither depends on the other) and ${what}, for every input`,
    steps: [a, b],
    key: conflict.key,
    edge: conflict.edge,
  };
}
