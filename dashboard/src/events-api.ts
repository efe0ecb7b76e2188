/**
 * The event log as the page reads it: `events(...)` for the snapshot and cursor, and the
 * `progressChange` of each PROGRESS event. Servers that predate those fields answer the first
 * read with a validation error; the page then subscribes without a snapshot and reads a
 * PROGRESS event's change from its `payload`, which carries the same values. Everything that
 * depends on which of the two the server speaks is in this file.
 */
import { ApiError, query } from './api.js';

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

const COMMON =
  'id type occurredAt patternId executionId entityId name error relationship { type from { id } to { id } }';
const CONTRACT_FIELDS = `${COMMON} progressChange { status percent currentStage stage { name status error } }`;
const LEGACY_FIELDS = `${COMMON} payload`;

let contract = true;

/** Whether the server has the event-log read and `progressChange` (known after readSnapshot). */
export function speaksEventLog(): boolean {
  return contract;
}

function feedDocument(selection: string): string {
  return `subscription Feed($since: ID) { nexusEvents(since: $since) { ${selection} } }`;
}

/** Each document as the page sends it, for checking against a schema. */
export const DOCUMENTS = {
  snapshot: `query Snapshot($last: Int) { events(last: $last) { events { ${CONTRACT_FIELDS} } cursor hasMore } }`,
  feed: feedDocument(CONTRACT_FIELDS),
  legacyFeed: feedDocument(LEGACY_FIELDS),
};

export function subscriptionDocument(): string {
  return contract ? DOCUMENTS.feed : DOCUMENTS.legacyFeed;
}

export interface Snapshot {
  events: LiveEvent[];
  /** Where the live subscription continues (`since`); null when the log was empty or unread. */
  cursor: string | null;
}

/** The newest events and the log position to subscribe from, with no gap and no duplicate. */
export async function readSnapshot(last: number): Promise<Snapshot> {
  try {
    const data = await query<{ events: { events: RawEvent[]; cursor: string | null } }>(
      DOCUMENTS.snapshot,
      { last },
    );
    contract = true;
    return { events: data.events.events.map(toLiveEvent), cursor: data.events.cursor };
  } catch (error) {
    if (error instanceof ApiError && isMissingField(error)) {
      contract = false;
      return { events: [], cursor: null };
    }
    throw error;
  }
}

function isMissingField(error: ApiError): boolean {
  return (
    error.code === 'GRAPHQL_VALIDATION_FAILED' || /Cannot query field "events"/.test(error.message)
  );
}

type RawEvent = Omit<LiveEvent, 'change'> & {
  progressChange?: ProgressChange | null;
  payload?: unknown;
};

export function toLiveEvent(raw: RawEvent): LiveEvent {
  const { progressChange, payload, ...event } = raw;
  const change =
    progressChange ?? (raw.type === 'PROGRESS' ? changeFromPayload(payload) : null) ?? null;
  return { ...event, change };
}

function changeFromPayload(payload: unknown): ProgressChange | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const value = payload as Partial<ProgressChange> & { stage?: Partial<StageChange> | null };
  if (typeof value.percent !== 'number' || typeof value.status !== 'string') return null;
  const stage = value.stage;
  return {
    status: value.status,
    percent: value.percent,
    currentStage: value.currentStage ?? null,
    stage:
      stage && typeof stage.name === 'string' && typeof stage.status === 'string'
        ? { name: stage.name, status: stage.status, error: stage.error ?? null }
        : null,
  };
}
