import type { Pattern } from '../pattern/pattern.js';
import { stepEffects } from './plan-effects.js';
import { staticParams } from './planned-params.js';
import { StepAncestry } from './step-ancestry.js';
import { type ConflictKind, findConflicts, type WriteConflict } from './write-conflicts.js';

/**
 * What a pattern version's steps may do wrong whatever the input, found without running them:
 * steps that may run at the same time and write (or write and read) a target written the same
 * way in both. Warnings, not refusals: the author may mean it (a last-writer-wins cache).
 */
export const PATTERN_WARNING_CODES = [
  'WRITE_WRITE_CONFLICT',
  'READ_WRITE_CONFLICT',
  'MORE_CONFLICTS',
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
  analysed.set(pattern.steps, warnings);
  return warnings;
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
