import type { JsonValue } from '../shared/json.js';

export const PATTERN_ORIGINS = ['SYSTEM', 'USER'] as const;
export type PatternOrigin = (typeof PATTERN_ORIGINS)[number];

export const PATTERN_CATEGORIES = [
  'FINANCE',
  'NOTIFICATION',
  'USER',
  'ASSET',
  'BROADCAST',
  'REFERRAL',
] as const;
export type PatternCategory = (typeof PATTERN_CATEGORIES)[number];

export const STEP_TYPES = [
  'CACHE',
  'PIPELINE',
  'TRANSACTION',
  'RELATIONSHIP',
  'GRAPH',
  'EVENT',
  'PATTERN',
  'DELAY',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** The actions each step type understands (see the README, "Rules worth knowing"). */
export const STEP_ACTIONS: Readonly<Record<StepType, readonly string[]>> = {
  CACHE: ['get', 'set', 'delete'],
  PIPELINE: ['exec'],
  TRANSACTION: ['exec'],
  RELATIONSHIP: ['create', 'delete'],
  GRAPH: ['find_path', 'traverse', 'detect_cycles'],
  EVENT: ['publish'],
  PATTERN: ['execute'],
  DELAY: ['wait'],
};

export interface Step {
  id: string;
  type: StepType;
  action: string;
  parameters: JsonValue | null;
  dependsOn: string[];
  retries: number;
  timeoutMs: number | null;
}

/** One version of a pattern, exactly as stored. Timestamps are ISO-8601 strings. */
export interface Pattern {
  id: string;
  name: string;
  description: string | null;
  version: number;
  origin: PatternOrigin;
  category: PatternCategory;
  steps: Step[];
  metadata: JsonValue | null;
  transactional: boolean;
  isActive: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /**
   * Which life of the id this is: set when the pattern is created and kept by its updates. A
   * pattern deleted and created again gets another, so that a version number (which starts at 1
   * again) never stands for a definition that no longer exists. Internal: not in the API.
   */
  generation: string;
}

export interface PatternFilter {
  origin?: PatternOrigin | undefined;
  category?: PatternCategory | undefined;
  isActive?: boolean | undefined;
  createdBy?: string | undefined;
  /** Case-insensitive substring of name or description. */
  search?: string | undefined;
}

/** Execution statistics, kept per pattern id (across versions). */
export interface PatternStats {
  usageCount: number;
  successCount: number;
  totalDurationMs: number;
}

export const EMPTY_STATS: PatternStats = Object.freeze({
  usageCount: 0,
  successCount: 0,
  totalDurationMs: 0,
});

export function successRate(stats: PatternStats): number {
  return stats.usageCount === 0 ? 0 : stats.successCount / stats.usageCount;
}

export function avgDurationMs(stats: PatternStats): number | null {
  return stats.usageCount === 0 ? null : stats.totalDurationMs / stats.usageCount;
}

/** The text `search` matches against, lower-cased once at write time. */
export function searchText(pattern: Pick<Pattern, 'name' | 'description'>): string {
  return `${pattern.name}\n${pattern.description ?? ''}`.toLowerCase();
}
