/**
 * The event log as the page reads it: `events(...)` for the snapshot and the cursor to subscribe
 * from, and the `progressChange` of each PROGRESS event (the change as of that event).
 */
import { query } from './api.js';

export const EVENT_TYPES = [
  'PROGRESS',
  'PATTERN_EXECUTED',
  'ERROR',
  'PATTERN_CHANGED',
  'RELATIONSHIP_CREATED',
  'RELATIONSHIP_DELETED',
  'CUSTOM',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type StageStatus = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

export interface StageChange {
  name: string;
  status: StageStatus;
  error: string | null;
}

/** What a PROGRESS event announces, as of that event. */
export interface ProgressChange {
  stage: StageChange | null;
  status: StageStatus;
  percent: number;
  currentStage: string | null;
}

export interface LiveEvent {
  id: string;
  type: EventType;
  occurredAt: string;
  patternId: string | null;
  executionId: string | null;
  entityId: string | null;
  name: string | null;
  error: string | null;
  relationship: { type: string; from: { id: string }; to: { id: string } } | null;
  change: ProgressChange | null;
}

const FIELDS =
  'id type occurredAt patternId executionId entityId name error relationship { type from { id } to { id } } progressChange { status percent currentStage stage { name status error } }';

/** Each document as the page sends it, for checking against the schema. */
export const DOCUMENTS = {
  snapshot: `query Snapshot($last: Int) { events(last: $last) { events { ${FIELDS} } cursor hasMore } }`,
  feed: `subscription Feed($since: ID) { nexusEvents(since: $since) { ${FIELDS} } }`,
};

export interface Snapshot {
  events: LiveEvent[];
  /** Where the live subscription continues (`since`); null when the log is empty. */
  cursor: string | null;
}

/** The newest events and the log position to subscribe from, with no gap and no duplicate. */
export async function readSnapshot(last: number): Promise<Snapshot> {
  const data = await query<{ events: { events: RawEvent[]; cursor: string | null } }>(
    DOCUMENTS.snapshot,
    { last },
  );
  return { events: data.events.events.map(toLiveEvent), cursor: data.events.cursor };
}

export type RawEvent = Omit<LiveEvent, 'change'> & { progressChange: ProgressChange | null };

export function toLiveEvent(raw: RawEvent): LiveEvent {
  const { progressChange, ...event } = raw;
  return { ...event, change: progressChange };
}
