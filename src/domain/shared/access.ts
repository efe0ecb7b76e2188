/**
 * Who may see and do what: the one place the permission rules live. Resolvers and services ask
 * here; what a viewer may not read is treated as if it did not exist (null, NOT_FOUND, absent
 * from lists and counts), so nothing leaks that another user's record is there.
 */
import type { NexusEventInput } from '../events/event.js';
import type { Execution } from '../execution/execution.js';
import type { Relationship } from '../graph/relationship.js';
import type { Pattern } from '../pattern/pattern.js';
import { isAdmin, type Viewer } from './viewer.js';

/** Active SYSTEM patterns are everyone's; USER patterns (and inactive ones) their owner's. */
export function canReadPattern(viewer: Viewer, pattern: Pattern): boolean {
  return isListedFor(patternVisibility(viewer), pattern);
}

/** SYSTEM patterns are the admins'; a USER pattern its owner's (and the admins'). */
export function canManagePattern(viewer: Viewer, pattern: Pattern): boolean {
  return isAdmin(viewer) || (pattern.origin === 'USER' && pattern.createdBy === viewer.id);
}

export function canCreatePattern(viewer: Viewer, origin: Pattern['origin']): boolean {
  return origin === 'USER' || isAdmin(viewer);
}

/** Executions (and their progress) are seen by whoever started them, and by admins. */
export function canReadExecution(viewer: Viewer, execution: Pick<Execution, 'createdBy'>): boolean {
  return isAdmin(viewer) || execution.createdBy === viewer.id;
}

/**
 * A composite step may run SYSTEM patterns and its own owner's; a USER pattern never runs
 * another user's, whoever started the execution. `parentOwner` is null for a SYSTEM parent.
 */
export function canCompose(parentOwner: string | null, child: Pattern): boolean {
  return parentOwner === null || child.origin === 'SYSTEM' || child.createdBy === parentOwner;
}

/** Any authenticated user creates relationships; their creator or an admin deletes them. */
export function canDeleteRelationship(viewer: Viewer, relationship: Relationship): boolean {
  return isAdmin(viewer) || relationship.createdBy === viewer.id;
}

/** Events carry an audience (a user id) when only that user and admins may see them. */
export function canSeeEvent(viewer: Viewer, event: Pick<NexusEventInput, 'audience'>): boolean {
  return event.audience == null || isAdmin(viewer) || event.audience === viewer.id;
}

/** The audience of a pattern's events: everyone for active SYSTEM patterns, else its owner. */
export function patternAudience(pattern: Pattern): string | null {
  return pattern.origin === 'SYSTEM' && pattern.isActive ? null : pattern.createdBy;
}

/** Admins see every pattern; others a subset the stores can filter on. */
export function patternVisibility(viewer: Viewer): PatternVisibility | null {
  return isAdmin(viewer) ? null : { ownerId: viewer.id };
}

/** What a non-admin may list: active SYSTEM patterns and everything they created. */
export interface PatternVisibility {
  ownerId: string;
}

/** The rule of `patternVisibility`, for stores that filter in code (null: everything). */
export function isListedFor(visibility: PatternVisibility | null, pattern: Pattern): boolean {
  if (visibility === null || pattern.createdBy === visibility.ownerId) return true;
  return pattern.origin === 'SYSTEM' && pattern.isActive;
}
