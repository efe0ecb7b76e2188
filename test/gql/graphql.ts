/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string as RFC 3339 `date-time` (section 5.6). Output is always UTC to the millisecond, e.g. 2026-03-01T09:30:00.000Z; input may carry any offset (2026-03-01T10:30:00+01:00) and is compared as the instant it names. */
  DateTime: { input: string; output: string; }
  /** Any JSON value (object, array, string, number, boolean or null) as ECMA-404 defines it. Arguments of this type are limited in depth (NEXUS_MAX_JSON_DEPTH levels, 32 by default) and, where a field says so, in size (bytes of UTF-8 JSON). */
  JSON: { input: unknown; output: unknown; }
};

/** One mutation field as it ran: who, what, on which ids, and how it ended. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The mutation field, e.g. createPattern. */
  action: Scalars['String']['output'];
  /** The user id (token `sub`) that sent it. */
  actor: Scalars['String']['output'];
  /** When the operation holding the mutation field ended. */
  at: Scalars['DateTime']['output'];
  /** Ordered: newer entries have greater ids. */
  id: Scalars['ID']['output'];
  /** "ok", or the error code it ended with (FORBIDDEN, BAD_USER_INPUT, ...). */
  outcome: Scalars['String']['output'];
  /** The roles the caller’s token carried (e.g. ["admin"]). */
  roles: Array<Scalars['String']['output']>;
  /** Ids the mutation named or produced. Inputs are never recorded. */
  targets: Array<Scalars['String']['output']>;
};

/** A page of audit entries, newest first, with the total count (see PageInfo for the next page). */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The audit entries of this page, newest first, each with its cursor. */
  edges: Array<AuditEntryEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many items match in all, on every page (not only this one). */
  totalCount: Scalars['Int']['output'];
};

/** One audit entry of a page, with its cursor (pass it as `after` to read on from it). */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** An opaque position of this item in the list: pass it as `after` to read what follows it. Do not parse it. */
  cursor: Scalars['String']['output'];
  /** The audit entry at this position. */
  node: AuditEntry;
};

/** A relationship two steps both create, by its from, to and type. */
export type ConflictEdge = {
  __typename?: 'ConflictEdge';
  /** Its source entity id. */
  from: Scalars['String']['output'];
  /** Its target entity id. */
  to: Scalars['String']['output'];
  /** Its relationship type. */
  type: Scalars['String']['output'];
};

/** How two steps that may run at the same time collide. */
export type ConflictKind =
  /** One writes a key the other reads: what is read depends on which runs first. */
  | 'READ_WRITE'
  /** Both write the target (set or delete one key, create one relationship, delete one relationship id): which lands last is a race. */
  | 'WRITE_WRITE';

/** What two steps collide on. */
export type ConflictTarget =
  /** A key in the caller's namespace (`key`). */
  | 'KEY'
  /** A relationship with the same from, to and type (`edge`). */
  | 'RELATIONSHIP'
  /** A relationship deleted by id (`key` holds the id). */
  | 'RELATIONSHIP_ID';

/** A new pattern: its version 1. */
export type CreatePatternInput = {
  /** What it is for. */
  category: PatternCategory;
  /** At most 2000 characters; default none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Matches ^[a-z0-9][a-z0-9_.:-]{0,127}$; CONFLICT when taken. Generated from the name when omitted (with _2, _3, … when that is taken). */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Default true; an inactive SYSTEM pattern is visible to admins only. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any JSON to keep with the pattern, at most 64 KiB; default none. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** 1–200 characters, trimmed. */
  name: Scalars['String']['input'];
  /** Default USER; SYSTEM needs an admin (FORBIDDEN otherwise). */
  origin?: InputMaybe<PatternOrigin>;
  /** 1–100 steps (NEXUS_MAX_STEPS) with unique ids and no dependency cycle. */
  steps: Array<StepInput>;
  /** Undo completed steps when a run fails or is cancelled; default false. */
  transactional?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A new relationship: one per (from, type, to). */
export type CreateRelationshipInput = {
  /** The source entity id: ^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}$. */
  from: Scalars['ID']['input'];
  /** At most 16 KiB of JSON. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** The target entity id, same form; not `from` (no self-loops). */
  to: Scalars['ID']['input'];
  /** What it says; PARENT, CHILD and OWNER may not close a cycle. */
  type: RelationshipType;
};

/** A directed cycle; the first entity is repeated at the end. */
export type Cycle = {
  __typename?: 'Cycle';
  /** The entities around the cycle, the first repeated at the end (length = relationships + 1). */
  entities: Array<Entity>;
  /** The relationships around the cycle, in order (one per step of `entities`). */
  relationships: Array<Relationship>;
};

/** Which relationships of an entity to follow, relative to it. */
export type Direction =
  /** Both, each relationship once. */
  | 'BOTH'
  /** Relationships whose `to` is the entity. */
  | 'IN'
  /** Relationships whose `from` is the entity. */
  | 'OUT';

/** Anything with an id (user:42, wallet:7) that relationships connect. */
export type Entity = {
  __typename?: 'Entity';
  /** Relationships touching this entity, in the given direction. */
  degree: Scalars['Int']['output'];
  /** The entity id as given, matching ^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}$ (e.g. user:42). */
  id: Scalars['ID']['output'];
  /** Distinct entities one relationship away, sorted by id. */
  neighbors: Array<Entity>;
  /** Relationships at this entity, oldest first. */
  relationships: RelationshipConnection;
};


/** Anything with an id (user:42, wallet:7) that relationships connect. */
export type EntityDegreeArgs = {
  direction?: Direction;
};


/** Anything with an id (user:42, wallet:7) that relationships connect. */
export type EntityNeighborsArgs = {
  direction?: Direction;
  types?: InputMaybe<Array<RelationshipType>>;
};


/** Anything with an id (user:42, wallet:7) that relationships connect. */
export type EntityRelationshipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationshipType>>;
};

/** A snapshot of the event log, to pair with `nexusEvents(since: cursor)` with no gap and no duplicate. */
export type EventLogPage = {
  __typename?: 'EventLogPage';
  /** The log position this read reached: pass it as `since` to nexusEvents (or to events) to continue. Without `since`: the newest id in the whole log when it was read, matching or not. With `since`: the id of the last entry examined (`since` itself when nothing followed). Null: the log is empty. */
  cursor?: Maybe<Scalars['ID']['output']>;
  /** Oldest first: only events you may see that the filter keeps. */
  events: Array<NexusEvent>;
  /** With `since`: more entries follow `cursor` in the log (this read stopped at `first` events, or at the entries one read may examine). Always false without `since`. */
  hasMore: Scalars['Boolean']['output'];
};

/** One run of a pattern. */
export type Execution = {
  __typename?: 'Execution';
  /** Times a process took the run up: 1 after its start, one more per takeover by another process (after the one running it stopped); 0 while it waits to start. */
  attempts: Scalars['Int']['output'];
  /** When executePattern created the run. */
  createdAt: Scalars['DateTime']['output'];
  /** The user id (token `sub`) that started it; only they and admins may read it. */
  createdBy: Scalars['String']['output'];
  /** Milliseconds from startedAt to finishedAt; null while it runs. */
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** Why it did not succeed: the first step error, `cancelled`, a timeout, or `abandoned: <why>` (it could not go on after its instance died: see the README); a failed rollback is appended. Null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** When it reached a final status; null while it runs. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique; pass it to execution, progress, executionProgress or cancelExecution. */
  id: Scalars['ID']['output'];
  /** The key it was started with, if any (reusing it within 24 h returns this run). */
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** The input given to executePattern; null when none was. */
  input?: Maybe<Scalars['JSON']['output']>;
  /** The server process that runs the execution, or ran it last (host:pid:random); null while it waits to start. */
  instance?: Maybe<Scalars['String']['output']>;
  /** The outputs of the steps that succeeded, as an object by step id, written when the run ends; null while it runs. */
  output?: Maybe<Scalars['JSON']['output']>;
  /** The execution whose PATTERN step started this one (a composite run); null at the top. */
  parentId?: Maybe<Scalars['String']['output']>;
  /** The pattern as it was at the version this execution ran. */
  pattern: Pattern;
  /** The version of the pattern it ran (the current one when it started). */
  patternVersion: Scalars['Int']['output'];
  /** Its progress as a display shows it, computed from its step results. */
  progress: Progress;
  /** When a process last took the run over from one that stopped, going on from its recorded step results; null if none did. */
  resumedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The schedule whose tick started this execution; null when none did. */
  scheduleId?: Maybe<Scalars['String']['output']>;
  /** A delayed start: the execution waits (PENDING) until then; null for one that started at once. */
  startAt?: Maybe<Scalars['DateTime']['output']>;
  /** When its steps began; null before. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the run is. */
  status: ExecutionStatus;
  /** One result per step of the pattern, in its step order. */
  steps: Array<StepResult>;
};

/** A page of executions, newest first, with the total count (see PageInfo for the next page). */
export type ExecutionConnection = {
  __typename?: 'ExecutionConnection';
  /** The executions of this page, newest first, each with its cursor. */
  edges: Array<ExecutionEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many items match in all, on every page (not only this one). */
  totalCount: Scalars['Int']['output'];
};

/** One execution of a page, with its cursor (pass it as `after` to read on from it). */
export type ExecutionEdge = {
  __typename?: 'ExecutionEdge';
  /** An opaque position of this item in the list: pass it as `after` to read what follows it. Do not parse it. */
  cursor: Scalars['String']['output'];
  /** The execution at this position. */
  node: Execution;
};

/** Whether executePattern waits for the run to end. */
export type ExecutionMode =
  /** Return the RUNNING execution at once; follow it with executionProgress or the execution query. */
  | 'ASYNC'
  /** Wait for the end and return the finished execution; a run longer than NEXUS_EXECUTION_TIMEOUT_MS (60 s by default) is cancelled. */
  | 'SYNC';

/** A dry run for one input: nothing is read or written but the pattern itself. Values that read step outputs are shown unresolved, never guessed. */
export type ExecutionPlan = {
  __typename?: 'ExecutionPlan';
  /** How many conflicts there are in all (conflicts lists the first ones). */
  conflictCount: Scalars['Int']['output'];
  /** Write conflicts between steps that may run at the same time, for this input, each once (at most 200; see conflictCount). Targets that are unresolved are not compared: see conflictsComplete. */
  conflicts: Array<WriteConflict>;
  /** Whether the conflicts are all there may be: false when a step with an unresolved target, an unknown effect or a child pattern may run at the same time as another step, or when the steps read and write more than the analysis compares (see unresolved). */
  conflictsComplete: Scalars['Boolean']['output'];
  /** The longest chain of dependent steps. */
  criticalPath: Array<Scalars['String']['output']>;
  /** What each step will do with this input, in pattern order. */
  effects: Array<StepEffects>;
  /** Steps by dependency depth (a step may start before its level). */
  levels: Array<Array<Scalars['String']['output']>>;
  /** What steps touch that cannot be known before the run (not compared). */
  unresolved: Array<UnresolvedTarget>;
};

/** Where a run is. SUCCEEDED, FAILED and CANCELLED are final: the record no longer changes. */
export type ExecutionStatus =
  /** cancelExecution stopped it, or the server shut down during it. */
  | 'CANCELLED'
  /** A step failed after its retries (its dependents were skipped), the run timed out, or it could not go on after its instance stopped (error `abandoned: <why>`); `error` says which. */
  | 'FAILED'
  /** Not started yet: an ASYNC run waiting for a worker, or a delayed start (startAt) waiting for its time. */
  | 'PENDING'
  /** Steps are running or waiting for their dependencies. */
  | 'RUNNING'
  /** Every step succeeded; `output` holds their outputs. */
  | 'SUCCEEDED';

/** Counts over the whole graph (every user’s relationships). */
export type GraphStats = {
  __typename?: 'GraphStats';
  /** Relationships per type. */
  byType: Array<TypeCount>;
  /** Entities with at least one relationship. */
  entityCount: Scalars['Int']['output'];
  /** Relationships in all. */
  relationshipCount: Scalars['Int']['output'];
};

/** What importPatterns does with a pattern whose id exists. */
export type ImportMode =
  /** Leave it as it is (SKIPPED); only new ids are created. */
  | 'CREATE_ONLY'
  /** Write the document content as its next version (UPDATED), unless it is the same (UNCHANGED). */
  | 'UPSERT';

/** What a step does with a key. */
export type KeyAction =
  /** Deletes it (CACHE delete, a `delete` op). */
  | 'DELETE'
  /** Reads it (CACHE get, a `get` op). */
  | 'GET'
  /** Writes it (CACHE set, a `set` op). */
  | 'SET'
  /** A TRANSACTION watches it: it reads it, and retries when it changes. */
  | 'WATCH';

/** A key a step reads or writes. CACHE, PIPELINE and TRANSACTION keys live in the caller's namespace at run time: the key is shown as written, without that namespace. */
export type KeyEffect = {
  __typename?: 'KeyEffect';
  /** What the step does with it. */
  action: KeyAction;
  /** The key, within the caller's namespace. */
  key: PlannedText;
};

/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Aborts running steps and marks the rest CANCELLED (from any instance: the request is broadcast, and the answer waits up to a second for the CANCELLED record of a run elsewhere; a PENDING execution ends CANCELLED at once); a finished execution is returned as it is. NOT_FOUND when the caller may not read it. */
  cancelExecution: Execution;
  /** Creates version 1 of a pattern and returns it (with its warnings). Errors: BAD_USER_INPUT (`extensions.issues` lists every problem with its path; nothing is written), CONFLICT (an explicit id that is taken), FORBIDDEN (origin SYSTEM without the admin role). */
  createPattern: Pattern;
  /** Creates a relationship and publishes RELATIONSHIP_CREATED. Errors: CONFLICT when (from, type, to) exists (also when two requests race); BAD_USER_INPUT for an invalid id, a self-loop, metadata over 16 KiB, or a PARENT, CHILD or OWNER edge that would close a cycle (the message names it); LIMIT_EXCEEDED when the hierarchy below is too large to check. */
  createRelationship: Relationship;
  /** Removes the pattern with every version and statistic; true when it did. Errors: NOT_FOUND, FORBIDDEN (as updatePattern). */
  deletePattern: Scalars['Boolean']['output'];
  /** Deletes a relationship and every trace of it, and publishes RELATIONSHIP_DELETED; true when it did. Errors: NOT_FOUND (no such relationship), FORBIDDEN (neither its creator nor an admin). */
  deleteRelationship: Scalars['Boolean']['output'];
  /** Runs the current version. SYNC waits for the end (bounded by NEXUS_EXECUTION_TIMEOUT_MS); ASYNC returns at once. The same idempotencyKey for the same pattern within 24 h returns the first execution. Errors: NOT_FOUND (no such pattern the caller may run), BAD_USER_INPUT (the input lacks a field a template needs: one issue per missing path, before any step runs), LIMIT_EXCEEDED (the caller’s concurrent executions), SERVICE_UNAVAILABLE (Redis unreachable; with `extensions.executionId` when a SYNC run ended but could not be recorded yet). A run that fails is not an error: it returns status FAILED. */
  executePattern: Execution;
  /** Creates or updates the patterns of an exportPatterns document. The whole document is validated and every pattern planned before the first write: an invalid one is BAD_USER_INPUT and writes nothing. */
  importPatterns: PatternImportReport;
  /** Writes version n+1 with the content of an earlier version, as updatePattern would (permissions, validation, expectedVersion). Restoring the current content writes nothing and returns the current version. */
  restorePatternVersion: Pattern;
  /** Runs a pattern as you on a cron pattern or every everyMs, one ASYNC execution per tick (whatever the number of instances). Checked now as executePattern would be (and again at each tick); at most NEXUS_SCHEDULES_PER_USER schedules per user (LIMIT_EXCEEDED). */
  schedulePattern: Schedule;
  /** Removes a schedule of yours (any, for admins): no more ticks. False when there is no such schedule you may see. */
  unschedulePattern: Scalars['Boolean']['output'];
  /** Writes version n+1 and keeps n. Errors: NOT_FOUND (no such pattern the caller may read), FORBIDDEN (one the caller may read but not change, e.g. a SYSTEM pattern for a non-admin), BAD_USER_INPUT (invalid or no change), CONFLICT (expectedVersion is no longer current). */
  updatePattern: Pattern;
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationCancelExecutionArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationCreatePatternArgs = {
  input: CreatePatternInput;
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationCreateRelationshipArgs = {
  input: CreateRelationshipInput;
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationDeletePatternArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationDeleteRelationshipArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationExecutePatternArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input?: InputMaybe<Scalars['JSON']['input']>;
  mode?: ExecutionMode;
  startAt?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationImportPatternsArgs = {
  document: Scalars['JSON']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  mode?: ImportMode;
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationRestorePatternVersionArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationSchedulePatternArgs = {
  input: SchedulePatternInput;
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationUnschedulePatternArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable. */
export type MutationUpdatePatternArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdatePatternInput;
};

/** Something that happened. `id` orders events; pass it as `since` to resume after it. */
export type NexusEvent = {
  __typename?: 'NexusEvent';
  /** For relationship events: the `from` entity of the relationship. */
  entityId?: Maybe<Scalars['ID']['output']>;
  /** For ERROR: the execution’s error; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** The execution named by executionId as it is now (not as of the event); null when the event names none, a NOT_FOUND error on this field when it no longer exists. */
  execution?: Maybe<Execution>;
  /** The execution it is about (PROGRESS, PATTERN_EXECUTED, ERROR, CUSTOM). */
  executionId?: Maybe<Scalars['ID']['output']>;
  /** Its position in the event log (`<ms>-<n>`, e.g. "1764000000000-0"); greater ids are later. Pass it as `since` to resume after it. */
  id: Scalars['ID']['output'];
  /** CUSTOM: the event_type the EVENT step gave; PATTERN_CHANGED: created, updated or deleted. Null for other types. */
  name?: Maybe<Scalars['String']['output']>;
  /** When it was published. */
  occurredAt: Scalars['DateTime']['output'];
  /** The pattern it is about (pattern and execution events); null otherwise. */
  patternId?: Maybe<Scalars['ID']['output']>;
  /** The raw payload, kept for compatibility: for PROGRESS the same data as `progressChange`, for relationship events the same as `relationship`. */
  payload?: Maybe<Scalars['JSON']['output']>;
  /** For PROGRESS: the execution's progress as of this event (each step in the state it had then), so that replaying the log rebuilds the run's timeline; null when the execution is gone or not yours. Events logged before runs numbered their transitions are placed by time. */
  progress?: Maybe<Progress>;
  /** For PROGRESS: the change this event announces, read from the event itself. */
  progressChange?: Maybe<ProgressChange>;
  /** For RELATIONSHIP_CREATED and RELATIONSHIP_DELETED: the relationship as it was. */
  relationship?: Maybe<Relationship>;
  /** What it is about, which says which other fields it fills in. */
  type: NexusEventType;
};

/** What an event is about; the fields of NexusEvent it fills in depend on it. Events about a user’s own patterns and executions reach only that user (and admins). */
export type NexusEventType =
  /** Published by an EVENT step; reaches only whoever ran it: `name` (its event_type), `payload`. */
  | 'CUSTOM'
  /** An execution ended FAILED: `error`, `executionId`, `patternId`. */
  | 'ERROR'
  /** A pattern was created, updated or deleted: `patternId`, `name` (created|updated|deleted), `payload.version`. */
  | 'PATTERN_CHANGED'
  /** An execution ended, whatever its status: `executionId`, `patternId`, `execution`. */
  | 'PATTERN_EXECUTED'
  /** A run started or one of its steps changed status: `progressChange`, `progress`, `executionId`. */
  | 'PROGRESS'
  /** A relationship was created: `relationship`, `entityId` (its `from`). */
  | 'RELATIONSHIP_CREATED'
  /** A relationship was deleted: `relationship` as it was, `entityId` (its `from`). */
  | 'RELATIONSHIP_DELETED'
  /** A schedule ticked; reaches its owner and admins: `payload.scheduleId`, `payload.tickMs`, `executionId` of the run it started, or `payload.skipped` with why none was. */
  | 'SCHEDULE_FIRED';

/** Where a page of a connection sits in the whole list. Cursors are opaque keyset positions: pass endCursor as `after` to read the next page. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge of this page, to pass as `after`; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether items follow this page: pass endCursor as `after` to read them. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items come before this page (true on every page read with `after`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A shortest path between two entities, as findPath found it. */
export type Path = {
  __typename?: 'Path';
  /** The entities from start to end, both included (length + 1 of them). */
  entities: Array<Entity>;
  /** Relationships on the path (0 when `from` is `to`). */
  length: Scalars['Int']['output'];
  /** The relationships followed, in path order (the i-th joins entities i and i+1). */
  relationships: Array<Relationship>;
};

/** A named, versioned DAG of operation steps. */
export type Pattern = {
  __typename?: 'Pattern';
  /** Mean duration of its recorded executions in milliseconds; null before the first. */
  avgDurationMs?: Maybe<Scalars['Float']['output']>;
  /** What it is for, to filter by. */
  category: PatternCategory;
  /** When the pattern (version 1) was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The user id (token `sub`) of whoever created the pattern; it owns USER patterns. */
  createdBy: Scalars['String']['output'];
  /** Free text, at most 2000 characters; null when none was given. */
  description?: Maybe<Scalars['String']['output']>;
  /** What changed between two versions of this pattern; NOT_FOUND when either is not one the viewer may read. */
  diff: PatternDiff;
  /** Executions of this pattern (any version) that the viewer may read (their own; every one for admins), newest first. */
  executions: ExecutionConnection;
  /** Stable across versions, chosen at creation (or generated from the name): lowercase letters, digits and `_.:-`, at most 128 characters. */
  id: Scalars['ID']['output'];
  /** An inactive SYSTEM pattern is hidden from everyone but admins; on USER patterns it is a label only. */
  isActive: Scalars['Boolean']['output'];
  /** Any JSON the client keeps with the pattern (at most 64 KiB); Nexus never reads it. Null when none. */
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** A human name, 1–200 characters. */
  name: Scalars['String']['output'];
  /** SYSTEM (managed by admins) or USER (its creator’s); fixed at creation. */
  origin: PatternOrigin;
  /** Its steps in the order written (they run in dependency order, not this one). */
  steps: Array<Step>;
  /** Succeeded executions / all executions; 0 before the first. */
  successRate: Scalars['Float']['output'];
  /** When true, a run that fails or is cancelled undoes its completed steps in reverse order (ROLLED_BACK). */
  transactional: Scalars['Boolean']['output'];
  /** When this version was written; `patterns` lists newest updatedAt first. */
  updatedAt: Scalars['DateTime']['output'];
  /** Executions of this pattern id recorded so far (any version, every status). */
  usageCount: Scalars['Int']['output'];
  /** This version’s number: 1 at creation, one more for every update or restore. Pass it as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
  /** Every version of this pattern, oldest first. */
  versions: Array<Pattern>;
  /** What its steps may do wrong for every input, found without running them (steps that may run at the same time writing one key or relationship). Warnings, not refusals: createPattern stores the pattern and returns them. */
  warnings: Array<PatternWarning>;
};


/** A named, versioned DAG of operation steps. */
export type PatternDiffArgs = {
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
};


/** A named, versioned DAG of operation steps. */
export type PatternExecutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ExecutionStatus>;
};

/** What a pattern is for: a label to filter patterns by (PatternFilter.category). It changes nothing about how the pattern runs. */
export type PatternCategory =
  /** Things users own or hold: wallets, documents, items. */
  | 'ASSET'
  /** Messages to many users at once. */
  | 'BROADCAST'
  /** Money movements: payments, transfers, ledgers. */
  | 'FINANCE'
  /** Messages to users: e-mails, pushes, in-app notices. */
  | 'NOTIFICATION'
  /** Invitations and referral programmes. */
  | 'REFERRAL'
  /** User accounts and profiles: sign-up, onboarding, settings. */
  | 'USER';

/** A page of patterns, newest updatedAt first, with the total count (see PageInfo for the next page). */
export type PatternConnection = {
  __typename?: 'PatternConnection';
  /** The patterns of this page, newest updatedAt first, each with its cursor. */
  edges: Array<PatternEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many items match in all, on every page (not only this one). */
  totalCount: Scalars['Int']['output'];
};

/** What changed from one version of a pattern to another. */
export type PatternDiff = {
  __typename?: 'PatternDiff';
  /** Pattern fields that differ: name, description, category, transactional, isActive, metadata. */
  fields: Array<PatternFieldChange>;
  /** The earlier version compared (as asked). */
  from: Scalars['Int']['output'];
  /** Whether the two versions hold the same content. */
  identical: Scalars['Boolean']['output'];
  /** Ids of steps only in `to`, in its order. */
  stepsAdded: Array<Scalars['String']['output']>;
  /** Steps in both versions whose fields differ, in the order of `to`. */
  stepsChanged: Array<StepChange>;
  /** Ids of steps only in `from`, in its order. */
  stepsRemoved: Array<Scalars['String']['output']>;
  /** Whether the steps both versions have are listed in another order. */
  stepsReordered: Scalars['Boolean']['output'];
  /** The later version compared (as asked). */
  to: Scalars['Int']['output'];
};

/** One pattern of a page, with its cursor (pass it as `after` to read on from it). */
export type PatternEdge = {
  __typename?: 'PatternEdge';
  /** An opaque position of this item in the list: pass it as `after` to read what follows it. Do not parse it. */
  cursor: Scalars['String']['output'];
  /** The pattern at this position. */
  node: Pattern;
};

/** A field whose value differs between two versions. */
export type PatternFieldChange = {
  __typename?: 'PatternFieldChange';
  /** Its value in the `to` version. */
  after?: Maybe<Scalars['JSON']['output']>;
  /** Its value in the `from` version. */
  before?: Maybe<Scalars['JSON']['output']>;
  /** The field name, as in Pattern or Step. */
  field: Scalars['String']['output'];
};

/** Which patterns to list, among those the viewer may read; every field given must match (omitted fields match all). */
export type PatternFilter = {
  /** Only this category. */
  category?: InputMaybe<PatternCategory>;
  /** Only patterns created by this user id. */
  createdBy?: InputMaybe<Scalars['String']['input']>;
  /** Only active (true) or only inactive (false) patterns. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only SYSTEM or only USER patterns. */
  origin?: InputMaybe<PatternOrigin>;
  /** Case-insensitive substring of name or description. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome for one pattern of an import document. */
export type PatternImportItem = {
  __typename?: 'PatternImportItem';
  /** The error code of a refusal or skip (FORBIDDEN, CONFLICT, ...). */
  code?: Maybe<Scalars['String']['output']>;
  /** The pattern id. */
  id: Scalars['ID']['output'];
  /** Its index in `document.patterns`. */
  index: Scalars['Int']['output'];
  /** What happened. */
  outcome: PatternImportOutcome;
  /** Why it was skipped or refused. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The version the pattern is at afterwards (would be, in a dry run); null for an id that is not the caller’s. */
  version?: Maybe<Scalars['Int']['output']>;
};

/** What an import did (or, in a dry run, would do) with one pattern. */
export type PatternImportOutcome =
  /** A new pattern (with its versions replayed, when the document has them). */
  | 'CREATED'
  /** Not written; `code` and `reason` say why. */
  | 'REFUSED'
  /** CREATE_ONLY and the id exists. */
  | 'SKIPPED'
  /** UPSERT of the content the pattern already has: no new version. */
  | 'UNCHANGED'
  /** A new version of an existing pattern. */
  | 'UPDATED';

/** What importPatterns did, pattern by pattern, in document order. */
export type PatternImportReport = {
  __typename?: 'PatternImportReport';
  /** Patterns CREATED. */
  created: Scalars['Int']['output'];
  /** True when nothing was written. */
  dryRun: Scalars['Boolean']['output'];
  /** One per pattern. */
  items: Array<PatternImportItem>;
  /** The mode asked for. */
  mode: ImportMode;
  /** Patterns REFUSED. */
  refused: Scalars['Int']['output'];
  /** Patterns SKIPPED. */
  skipped: Scalars['Int']['output'];
  /** Patterns UNCHANGED. */
  unchanged: Scalars['Int']['output'];
  /** Patterns UPDATED. */
  updated: Scalars['Int']['output'];
};

/** Who manages a pattern, which decides who may read and change it. */
export type PatternOrigin =
  /** Managed by admins (only an admin may create, change or delete one). Every signed-in user may read and run it while it is active; its CACHE keys live in one shared system namespace. */
  | 'SYSTEM'
  /** Belongs to the user who created it: only they (and admins) may read, change, run or delete it; its CACHE keys live in that user’s namespace. */
  | 'USER';

/** Something a pattern's steps may do wrong whatever the input, found without running them. A warning, not a refusal. */
export type PatternWarning = {
  __typename?: 'PatternWarning';
  /** What it is about. */
  code: PatternWarningCode;
  /** The relationship as written (from, to, type), when it is about one. */
  edge?: Maybe<ConflictEdge>;
  /** The key as written (in the caller's namespace at run time) or relationship id, when it is about one. */
  key?: Maybe<Scalars['String']['output']>;
  /** What it is, in words. */
  message: Scalars['String']['output'];
  /** The steps concerned. */
  steps: Array<Scalars['String']['output']>;
};

/** What a pattern warning is about. */
export type PatternWarningCode =
  /** The steps read and write more than the analysis compares: conflicts among the rest are not known. */
  | 'ANALYSIS_INCOMPLETE'
  /** More conflicts than are listed; the message says how many. */
  | 'MORE_CONFLICTS'
  /** A step writes a key that a step which may run at the same time reads, for every input. */
  | 'READ_WRITE_CONFLICT'
  /** Two steps that may run at the same time write the same target, for every input. */
  | 'WRITE_WRITE_CONFLICT';

/** The pattern a PATTERN step runs as a child execution. The child's own effects are not expanded in this plan. */
export type PlannedChildRun = {
  __typename?: 'PlannedChildRun';
  /** The child's input for this input; as written when `inputResolved` is false. */
  input?: Maybe<Scalars['JSON']['output']>;
  /** Whether all of the child's input is known before the run. */
  inputResolved: Scalars['Boolean']['output'];
  /** The id of the pattern it runs. */
  patternId: PlannedText;
};

/** A relationship a RELATIONSHIP create step will create. */
export type PlannedEdge = {
  __typename?: 'PlannedEdge';
  /** Its source entity id. */
  from: PlannedText;
  /** Its target entity id. */
  to: PlannedText;
  /** Its relationship type. */
  type: PlannedText;
};

/** A CUSTOM event an EVENT step will publish (to the caller). */
export type PlannedEvent = {
  __typename?: 'PlannedEvent';
  /** The event name (`event_type`). */
  eventType: PlannedText;
  /** The payload for this input; as written when `payloadResolved` is false. */
  payload?: Maybe<Scalars['JSON']['output']>;
  /** Whether all of the payload is known before the run. */
  payloadResolved: Scalars['Boolean']['output'];
};

/** A string parameter as it will be for this input, or as written when it cannot be known before the run. Nothing is invented: a value that reads another step's output ("{steps.x.output…}") is known only once that step ran. */
export type PlannedText = {
  __typename?: 'PlannedText';
  /** Why it is unresolved; null when resolved. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Whether `value` is known before the run. */
  resolved: Scalars['Boolean']['output'];
  /** As written in the step (a value a placeholder takes whole from the input shows as that value). */
  template: Scalars['String']['output'];
  /** What it will be for this input; null when unresolved. */
  value?: Maybe<Scalars['String']['output']>;
};

/** An execution's progress: one stage per step. */
export type Progress = {
  __typename?: 'Progress';
  /** When the run ended; null while it runs. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The first step (in pattern order) that is running; null when none is. */
  currentStage?: Maybe<Scalars['String']['output']>;
  /** The run’s error once it failed; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** The id of the execution this is the progress of. */
  id: Scalars['ID']['output'];
  /** Percent of its steps that have ended (succeeded or not), 0–100 to one decimal; 100 for a run of no steps. */
  percent: Scalars['Float']['output'];
  /** One stage per step, in the pattern’s step order. */
  stages: Array<ProgressStage>;
  /** Where the run is. */
  status: ProgressStatus;
  /** When the latest change this progress shows happened. */
  updatedAt: Scalars['DateTime']['output'];
};

/** The change a PROGRESS event announces, exactly as of that event (the same data as its `payload`). */
export type ProgressChange = {
  __typename?: 'ProgressChange';
  /** When the change happened. */
  at: Scalars['DateTime']['output'];
  /** The step in progress after this change (the first running in the pattern’s order), if any. In events logged before `sequence` existed: the step in transition, while it runs. */
  currentStage?: Maybe<Scalars['String']['output']>;
  /** The execution that changed. */
  executionId: Scalars['ID']['output'];
  /** The run's percent after this change. */
  percent: Scalars['Float']['output'];
  /** The change's number in its run's transition sequence (0: the run's start); it orders changes of the same millisecond. Null in events logged before runs numbered their transitions. */
  sequence?: Maybe<Scalars['Int']['output']>;
  /** The step whose transition this is, as of it; null for the run's start. */
  stage?: Maybe<ProgressStage>;
  /** The run's status after this change. */
  status: ProgressStatus;
};

/** The progress of one step of a run. */
export type ProgressStage = {
  __typename?: 'ProgressStage';
  /** When the step ended; null while pending or running. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the step did not succeed; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** The step id. */
  name: Scalars['String']['output'];
  /** A fraction from 0 to 1: 0 pending, 0.5 running, 1 ended (whatever the outcome). */
  progress: Scalars['Float']['output'];
  /** When the step started; null until then. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the step is. */
  status: ProgressStatus;
};

/** The coarse status a progress display shows, of a run or of one of its stages. */
export type ProgressStatus =
  /** Succeeded. */
  | 'COMPLETED'
  /** Did not succeed: failed, cancelled, skipped or rolled back (the execution’s status tells which). */
  | 'FAILED'
  /** Not started. */
  | 'PENDING'
  /** Running. */
  | 'PROCESSING';

/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type Query = {
  __typename?: 'Query';
  /** The audit trail of mutation fields, newest first (the last NEXUS_AUDIT_LOG_LENGTH entries). Admins only: FORBIDDEN for others. */
  auditLog: AuditEntryConnection;
  /** Directed cycles over the given types (all when omitted), each reported once. An empty list always means none: a search past NEXUS_MAX_CYCLE_SEARCH_STEPS edges is LIMIT_EXCEEDED, never a partial answer. */
  detectCycles: Array<Cycle>;
  /** Any entity id; one without relationships has degree 0. */
  entity: Entity;
  /** Read the event log: a snapshot to pair with nexusEvents(since: cursor), with no gap or duplicate. Without `since`: the newest `last` matching events; with it: the first `first` after it. Same visibility as nexusEvents; each call examines a bounded number of log entries (see hasMore). */
  events: EventLogPage;
  /** One execution; null when it does not exist, has expired (NEXUS_EXECUTION_RETENTION_DAYS) or is someone else’s (only its starter and admins may read it). */
  execution?: Maybe<Execution>;
  /** Executions the caller may read (their own; every one for admins), newest first, kept NEXUS_EXECUTION_RETENTION_DAYS (7 by default). */
  executions: ExecutionConnection;
  /** A portable document `{ format: "nexus.patterns", formatVersion: 1, exportedAt, patterns }` of the named patterns, or of those matching the filter (every readable one without either); at most 100. */
  exportPatterns: Scalars['JSON']['output'];
  /** A shortest path (bidirectional BFS), or null when none is within maxDepth (≤ 10). */
  findPath?: Maybe<Path>;
  /** Counts of entities and relationships over the whole graph. */
  graphStats: GraphStats;
  /** The current version of a pattern, or the given version. Null when unknown or not readable by the caller (someone else’s USER pattern, an inactive SYSTEM pattern for a non-admin). */
  pattern?: Maybe<Pattern>;
  /** Patterns the caller may read (active SYSTEM ones and their own; all for admins), newest updatedAt first (ties: id descending). Keyset cursors: an item never shows twice or is skipped because others changed between pages. */
  patterns: PatternConnection;
  /** A dry run that touches nothing: levels, the critical path, what each step will do and the write conflicts, for this input. Errors: NOT_FOUND (no such pattern the caller may read), BAD_USER_INPUT (the input lacks a field a template needs, as executePattern would refuse it). */
  planPattern: ExecutionPlan;
  /** The progress of an execution, as executionProgress would send it now; null when the caller may not read the execution or it does not exist. */
  progress?: Maybe<Progress>;
  /** One relationship by id; null when there is none (relationships are public). */
  relationship?: Maybe<Relationship>;
  /** A schedule of yours (any, for admins); null otherwise. */
  schedule?: Maybe<Schedule>;
  /** Your schedules (everyone's, for admins), newest first. */
  schedules: ScheduleConnection;
  /** Every step type with its actions: descriptions, JSON Schemas of parameters and output, and an example each. */
  stepTypes: Array<StepTypeInfo>;
  /** Breadth-first from an entity: each entity once, with its depth (≤ 10). */
  traverse: Traversal;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryDetectCyclesArgs = {
  from?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationshipType>>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryEntityArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryEventsArgs = {
  entityId?: InputMaybe<Scalars['ID']['input']>;
  executionId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  patternId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<NexusEventType>>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryExecutionArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryExecutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  patternId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ExecutionStatus>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryExportPatternsArgs = {
  filter?: InputMaybe<PatternFilter>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  includeVersions?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryFindPathArgs = {
  direction?: Direction;
  from: Scalars['ID']['input'];
  maxDepth?: Scalars['Int']['input'];
  to: Scalars['ID']['input'];
  types?: InputMaybe<Array<RelationshipType>>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryPatternArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryPatternsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PatternFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryPlanPatternArgs = {
  id: Scalars['ID']['input'];
  input?: InputMaybe<Scalars['JSON']['input']>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryProgressArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryRelationshipArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryScheduleArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QuerySchedulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  patternId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`. */
export type QueryTraverseArgs = {
  direction?: Direction;
  from: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxDepth: Scalars['Int']['input'];
  types?: InputMaybe<Array<RelationshipType>>;
};

/** A typed, directed relationship between two entities. */
export type Relationship = {
  __typename?: 'Relationship';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The user id that created it (who may delete it, besides admins); null when none was recorded. */
  createdBy?: Maybe<Scalars['String']['output']>;
  /** The source entity (never the same as `to`). */
  from: Entity;
  /** Unique and sorted by creation time; pass it to relationship or deleteRelationship. */
  id: Scalars['ID']['output'];
  /** The type as read from the other end: PARENT⇄CHILD, LINKED⇄LINKED; null for OWNER and MEMBER, which have none. */
  inverseType?: Maybe<RelationshipType>;
  /** The JSON given at creation (at most 16 KiB); null when none. Immutable. */
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** The target entity. */
  to: Entity;
  /** What it says about `from` and `to`. */
  type: RelationshipType;
};

/** A page of relationships, oldest first, with the total count (see PageInfo for the next page). */
export type RelationshipConnection = {
  __typename?: 'RelationshipConnection';
  /** The relationships of this page, oldest first, each with its cursor. */
  edges: Array<RelationshipEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many items match in all, on every page (not only this one). */
  totalCount: Scalars['Int']['output'];
};

/** One relationship of a page, with its cursor (pass it as `after` to read on from it). */
export type RelationshipEdge = {
  __typename?: 'RelationshipEdge';
  /** An opaque position of this item in the list: pass it as `after` to read what follows it. Do not parse it. */
  cursor: Scalars['String']['output'];
  /** The relationship at this position. */
  node: Relationship;
};

/** What a relationship says about its two ends. PARENT/CHILD (one hierarchy) and OWNER must stay acyclic: an edge that would close a cycle is BAD_USER_INPUT. */
export type RelationshipType =
  /** `from` is the child of `to`; a PARENT edge to→from says the same. Together acyclic. */
  | 'CHILD'
  /** A symmetric link (its inverseType is LINKED); stored in one direction. */
  | 'LINKED'
  /** `from` is a member of `to` (a user of a team); cycles allowed. */
  | 'MEMBER'
  /** `from` owns `to` (a user owns a wallet); acyclic. */
  | 'OWNER'
  /** `from` is the parent of `to`; a CHILD edge to→from says the same. Together acyclic. */
  | 'PARENT';

/** A pattern run on a cron pattern or at a fixed interval, as its owner: one execution per tick however many instances run. Seen only by its owner and admins. */
export type Schedule = {
  __typename?: 'Schedule';
  /** When it was scheduled. */
  createdAt: Scalars['DateTime']['output'];
  /** The cron pattern (5 fields, or 6 with seconds first); null for an interval. */
  cron?: Maybe<Scalars['String']['output']>;
  /** The interval in ms; ticks at createdAt + k·everyMs (k ≥ 1). Null for a cron pattern. */
  everyMs?: Maybe<Scalars['Int']['output']>;
  /** Ticks that started an execution. */
  fireCount: Scalars['Int']['output'];
  /** The schedule id (unschedulePattern takes it). */
  id: Scalars['ID']['output'];
  /** The input every execution gets. */
  input?: Maybe<Scalars['JSON']['output']>;
  /** The execution of the latest tick that started one; null if none (or expired). */
  lastExecution?: Maybe<Execution>;
  /** The executions of the latest ticks, newest first (up to 20 are kept; expired ones are left out). */
  lastExecutions: Array<Execution>;
  /** When the latest tick was handled (null before the first). */
  lastFiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the latest tick started no execution (PATTERN_DELETED, PATTERN_NOT_READABLE, PATTERN_INACTIVE, BAD_USER_INPUT, LIMIT_EXCEEDED, FORBIDDEN); null when it started one. */
  lastSkipReason?: Maybe<Scalars['String']['output']>;
  /** The time of the latest tick handled: the tick the execution's idempotency key names. */
  lastTick?: Maybe<Scalars['DateTime']['output']>;
  /** Ticks that fell due but no process handled (Redis out of reach, a tick given up on), counted when the next tick handled found the gap. */
  missedCount: Scalars['Int']['output'];
  /** The next tick from now. */
  nextFireAt: Scalars['DateTime']['output'];
  /** Who the executions run as (who scheduled it); the permission to run the pattern is checked again at each tick. */
  owner: Scalars['String']['output'];
  /** The current version of the pattern, as you may read it; null when it is gone (its schedule is then removed at its next tick) or not yours to read. */
  pattern?: Maybe<Pattern>;
  /** The pattern each tick runs. */
  patternId: Scalars['ID']['output'];
  /** Ticks that started none (the missed ones included). */
  skipCount: Scalars['Int']['output'];
  /** The IANA zone the cron pattern is read in; null for an interval. */
  timezone?: Maybe<Scalars['String']['output']>;
};


/** A pattern run on a cron pattern or at a fixed interval, as its owner: one execution per tick however many instances run. Seen only by its owner and admins. */
export type ScheduleLastExecutionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Schedules, newest first. */
export type ScheduleConnection = {
  __typename?: 'ScheduleConnection';
  /** The items of this page, in list order, with their cursors. */
  edges: Array<ScheduleEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Matching schedules in all. */
  totalCount: Scalars['Int']['output'];
};

/** One schedule in a page. */
export type ScheduleEdge = {
  __typename?: 'ScheduleEdge';
  /** An opaque position of this item in the list: pass it as `after` to read what follows it. Do not parse it. */
  cursor: Scalars['String']['output'];
  /** The item at this position. */
  node: Schedule;
};

/** What to run and when: exactly one of cron and everyMs. */
export type SchedulePatternInput = {
  /** A cron pattern: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, e.g. "0 9 * * 1-5". */
  cron?: InputMaybe<Scalars['String']['input']>;
  /** An interval in ms, 1000–604800000; the first tick is one interval after scheduling. */
  everyMs?: InputMaybe<Scalars['Int']['input']>;
  /** The input of every execution. */
  input?: InputMaybe<Scalars['JSON']['input']>;
  /** The pattern to run (you must be able to execute it). */
  patternId: Scalars['ID']['input'];
  /** The IANA time zone the cron pattern is read in (cron only), e.g. "Europe/Paris"; default UTC. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** One operation of a pattern. Parameters are templates filled from the input. */
export type Step = {
  __typename?: 'Step';
  /** What the step type does here, e.g. CACHE `get`; stepTypes lists each type’s. */
  action: Scalars['String']['output'];
  /** Ids of the steps that must succeed before this one starts; empty: it starts with the run. */
  dependsOn: Array<Scalars['String']['output']>;
  /** Unique within the pattern; other steps name it in dependsOn and templates read its output as {steps.<id>.output…}. */
  id: Scalars['String']['output'];
  /** The action’s parameters, whose strings are templates ("user:{id}", "{steps.a.output.x}") filled in when the step runs; null when the action takes none. */
  parameters?: Maybe<Scalars['JSON']['output']>;
  /** Attempts after the first when one fails (0–10), with exponential backoff; template and parameter errors are not retried. */
  retries: Scalars['Int']['output'];
  /** Milliseconds one attempt may take before it fails; null: the server default (NEXUS_STEP_TIMEOUT_MS, 30000 by default). */
  timeoutMs?: Maybe<Scalars['Int']['output']>;
  /** What kind of operation it is. */
  type: StepType;
};

/** One action of a step type: what it does, the parameters it takes and the output it gives, as JSON Schema (draft 2020-12). createPattern and updatePattern check parameters against parametersSchema; a template string stands for any value there and is checked once rendered. */
export type StepActionInfo = {
  __typename?: 'StepActionInfo';
  /** The action, as a step names it. */
  action: Scalars['String']['output'];
  /** What the action does. */
  description: Scalars['String']['output'];
  /** Parameters that parametersSchema accepts. */
  example: Scalars['JSON']['output'];
  /** JSON Schema of the step’s output, which later steps read as {steps.<id>.output…}. */
  outputSchema: Scalars['JSON']['output'];
  /** JSON Schema of the step’s parameters (unknown keys are refused). */
  parametersSchema: Scalars['JSON']['output'];
};

/** A step both versions have, with the fields that differ. */
export type StepChange = {
  __typename?: 'StepChange';
  /** Each field that differs (type, action, parameters, dependsOn, timeoutMs, retries). */
  changes: Array<PatternFieldChange>;
  /** The step id. */
  id: Scalars['String']['output'];
};

/** What one step will do, filled in from the input by the scheduler's template engine. Nothing is invented: a value that reads another step's output ("{steps.x.output…}") is known only once that step ran. */
export type StepEffects = {
  __typename?: 'StepEffects';
  /** Relationships it creates (RELATIONSHIP create). */
  createsRelationships: Array<PlannedEdge>;
  /** Ids of the relationships it deletes (RELATIONSHIP delete). */
  deletesRelationships: Array<PlannedText>;
  /** Events it publishes (EVENT publish). */
  publishes: Array<PlannedEvent>;
  /** Keys it reads, in the caller's namespace: CACHE get, `get` ops, a TRANSACTION's `watch` keys. */
  reads: Array<KeyEffect>;
  /** Whether it reads the relationship graph (GRAPH find_path, traverse, detect_cycles). Graph reads are not compared for conflicts. */
  readsGraph: Scalars['Boolean']['output'];
  /** The pattern it runs as a child execution (PATTERN execute). */
  runsPattern?: Maybe<PlannedChildRun>;
  /** The step. */
  stepId: Scalars['String']['output'];
  /** Parts of its parameters whose effect cannot be told before the run. */
  unknown: Array<UnknownEffect>;
  /** Keys it sets or deletes, in the caller's namespace. */
  writes: Array<KeyEffect>;
};

/** One step of a pattern as written. createPattern and updatePattern check its parameters against its type and action (BAD_USER_INPUT with the path of every problem). */
export type StepInput = {
  /** One of the type’s actions (CACHE get|set|delete, PIPELINE and TRANSACTION exec, RELATIONSHIP create|delete, GRAPH find_path|traverse|detect_cycles, EVENT publish, PATTERN execute, DELAY wait). */
  action: Scalars['String']['input'];
  /** Ids of steps of this pattern that must succeed first; no cycles (the error names one). Default none. */
  dependsOn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Unique within the pattern: 1–64 of `A-Za-z0-9_-`, not starting with `-` (no dots or braces: templates name it). */
  id: Scalars['String']['input'];
  /** The action’s parameters (see stepTypes for their JSON Schema), at most 64 KiB; templates may read the input, {viewer.id}, {viewer.key} and the output of steps this one depends on. */
  parameters?: InputMaybe<Scalars['JSON']['input']>;
  /** 0–10 attempts after the first; default 0. */
  retries?: InputMaybe<Scalars['Int']['input']>;
  /** 1–300000 ms per attempt; default none. */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
  /** What kind of operation. */
  type: StepType;
};

/** What one step of an execution did. */
export type StepResult = {
  __typename?: 'StepResult';
  /** Attempts started so far (1 + retries used); 0 before it runs. */
  attempts: Scalars['Int']['output'];
  /** Milliseconds from startedAt to finishedAt, retries included; null until both. */
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** Why it failed, was skipped or was cancelled; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** When it ended (or was skipped or cancelled); null while pending or running. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Its result once SUCCEEDED (shaped as stepTypes’ outputSchema says); null otherwise. */
  output?: Maybe<Scalars['JSON']['output']>;
  /** When its first attempt started; null until then. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the step is. */
  status: StepStatus;
  /** The id of the step in the pattern. */
  stepId: Scalars['String']['output'];
};

/** Where one step of a run is. */
export type StepStatus =
  /** Not finished because the run was cancelled or ended first. */
  | 'CANCELLED'
  /** Its last attempt failed or timed out; `error` says why. */
  | 'FAILED'
  /** Waiting for its dependencies (or for the run to start). */
  | 'PENDING'
  /** It succeeded, then a transactional run that did not succeed undid what it did. */
  | 'ROLLED_BACK'
  /** An attempt is in progress (`attempts` counts them). */
  | 'RUNNING'
  /** Not run because a step it depends on did not succeed. */
  | 'SKIPPED'
  /** Done; `output` holds its result. */
  | 'SUCCEEDED';

/** What kind of operation a step is. Each type has its own actions and parameters: the stepTypes query lists them with JSON Schemas. */
export type StepType =
  /** One key of the caller’s key-value namespace: get, set (with an optional TTL) or delete. */
  | 'CACHE'
  /** Waits a number of milliseconds (wait) holding no step slot. */
  | 'DELAY'
  /** Publishes a CUSTOM event (publish) to the caller’s subscriptions. */
  | 'EVENT'
  /** Reads the graph: find_path, traverse or detect_cycles. */
  | 'GRAPH'
  /** Runs another pattern as a child execution (execute) and waits for it; at most 5 levels deep. */
  | 'PATTERN'
  /** Several key-value operations sent together (exec), not atomic as a whole. */
  | 'PIPELINE'
  /** Creates or deletes a relationship of the graph. */
  | 'RELATIONSHIP'
  /** Several key-value operations applied atomically (exec); with `watch` keys the attempt fails and is retried when one of them changes meanwhile. */
  | 'TRANSACTION';

/** A step type and the actions it has. */
export type StepTypeInfo = {
  __typename?: 'StepTypeInfo';
  /** Its actions, each with its parameters and output. */
  actions: Array<StepActionInfo>;
  /** What steps of this type do. */
  description: Scalars['String']['output'];
  /** The step type. */
  type: StepType;
};

/** Live streams over graphql-ws (the GraphQL path) or Server-Sent Events. Every field needs a signed-in caller; a caller may hold a bounded number of subscriptions at once (LIMIT_EXCEEDED beyond). */
export type Subscription = {
  __typename?: 'Subscription';
  /** The progress of one execution: now, then after every transition that changes it; completes when the run ends. NOT_FOUND before any frame when the execution does not exist or is not the caller’s. */
  executionProgress: Progress;
  /** Every event you may see, filtered on the server; `since` replays what came after that event id first, then continues live with no gap and no duplicate. A subscriber more than 1000 live events behind is ended (graphql-ws closes with 1008). Errors: BAD_USER_INPUT (`since` is not an event id), LIMIT_EXCEEDED (too many subscriptions or replays at once). */
  nexusEvents: NexusEvent;
  /** Each execution the caller may see as it ends (any final status), read when it is sent. Live only: no replay. */
  patternExecuted: Execution;
  /** Each relationship as it is created (live only: no replay). */
  relationshipCreated: Relationship;
};


/** Live streams over graphql-ws (the GraphQL path) or Server-Sent Events. Every field needs a signed-in caller; a caller may hold a bounded number of subscriptions at once (LIMIT_EXCEEDED beyond). */
export type SubscriptionExecutionProgressArgs = {
  executionId: Scalars['ID']['input'];
};


/** Live streams over graphql-ws (the GraphQL path) or Server-Sent Events. Every field needs a signed-in caller; a caller may hold a bounded number of subscriptions at once (LIMIT_EXCEEDED beyond). */
export type SubscriptionNexusEventsArgs = {
  entityId?: InputMaybe<Scalars['ID']['input']>;
  executionId?: InputMaybe<Scalars['ID']['input']>;
  patternId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<NexusEventType>>;
};


/** Live streams over graphql-ws (the GraphQL path) or Server-Sent Events. Every field needs a signed-in caller; a caller may hold a bounded number of subscriptions at once (LIMIT_EXCEEDED beyond). */
export type SubscriptionPatternExecutedArgs = {
  patternId?: InputMaybe<Scalars['ID']['input']>;
};


/** Live streams over graphql-ws (the GraphQL path) or Server-Sent Events. Every field needs a signed-in caller; a caller may hold a bounded number of subscriptions at once (LIMIT_EXCEEDED beyond). */
export type SubscriptionRelationshipCreatedArgs = {
  entityId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a breadth-first traversal reached. */
export type Traversal = {
  __typename?: 'Traversal';
  /** Each entity reached once, by increasing depth, the start first. */
  entities: Array<TraversedEntity>;
  /** Relationships followed between entities of the traversal. */
  relationships: Array<Relationship>;
};

/** An entity a traversal reached, with how far from the start. */
export type TraversedEntity = {
  __typename?: 'TraversedEntity';
  /** Its shortest distance from the start in relationships (the start is 0). */
  depth: Scalars['Int']['output'];
  /** The entity reached. */
  entity: Entity;
};

/** How many relationships of one type the graph holds. */
export type TypeCount = {
  __typename?: 'TypeCount';
  /** Relationships of that type. */
  count: Scalars['Int']['output'];
  /** The type counted. */
  type: RelationshipType;
};

/** A part of the parameters whose effect cannot be told before the run (of a shape the step does not take, or only known from another step): the step may fail there, or do what this plan does not show. */
export type UnknownEffect = {
  __typename?: 'UnknownEffect';
  /** Where in the parameters, e.g. "ops[2].action" ("" for all of them). */
  parameter: Scalars['String']['output'];
  /** What is wrong or unknown there. */
  reason: Scalars['String']['output'];
};

/** Something a step touches that cannot be known before the run, so it cannot be proven equal (or different) to what another step touches. */
export type UnresolvedTarget = {
  __typename?: 'UnresolvedTarget';
  /** Why it is not known. */
  reason: Scalars['String']['output'];
  /** The step. */
  stepId: Scalars['String']['output'];
  /** The template as written, when there is one. */
  template?: Maybe<Scalars['String']['output']>;
  /** What is not known, e.g. "written key", "created relationship", "ops[2].action", "child pattern effects". */
  what: Scalars['String']['output'];
};

/** The fields to change; at least one must differ from the current version. Fields left out keep their value; null clears description or metadata and is BAD_USER_INPUT for the others. */
export type UpdatePatternInput = {
  /** What it is for. */
  category?: InputMaybe<PatternCategory>;
  /** At most 2000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** An inactive SYSTEM pattern is visible to admins only. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the metadata (at most 64 KiB); null clears it. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** 1–200 characters, trimmed. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces every step: 1–100, unique ids, no dependency cycle. */
  steps?: InputMaybe<Array<StepInput>>;
  /** Undo completed steps when a run fails or is cancelled. */
  transactional?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Two steps that may run at the same time (neither depends on the other, through any chain of dependsOn) and touch one target. */
export type WriteConflict = {
  __typename?: 'WriteConflict';
  /** The relationship both create; null unless the target is RELATIONSHIP. */
  edge?: Maybe<ConflictEdge>;
  /** Whether it holds for every input: both write the same text (a literal, or a template over the input and the viewer only). False when the two only coincide for this input. */
  inputIndependent: Scalars['Boolean']['output'];
  /** The key (in the caller's namespace) or relationship id; null for a RELATIONSHIP (see `edge`). */
  key?: Maybe<Scalars['String']['output']>;
  /** How they collide. */
  kind: ConflictKind;
  /** The two steps, in pattern order for WRITE_WRITE; for READ_WRITE the writer first, then the reader. */
  steps: Array<Scalars['String']['output']>;
  /** What they collide on. */
  target: ConflictTarget;
};

export type ReadEventsQueryVariables = Exact<{
  since?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<NexusEventType> | NexusEventType>;
  executionId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ReadEventsQuery = { __typename?: 'Query', events: { __typename?: 'EventLogPage', cursor?: string | null, hasMore: boolean, events: Array<{ __typename?: 'NexusEvent', id: string, type: NexusEventType, executionId?: string | null, payload?: unknown | null, relationship?: { __typename?: 'Relationship', from: { __typename?: 'Entity', id: string } } | null, progressChange?: { __typename?: 'ProgressChange', executionId: string, status: ProgressStatus, percent: number, currentStage?: string | null, at: string, sequence?: number | null, stage?: { __typename?: 'ProgressStage', name: string, status: ProgressStatus, progress: number, startedAt?: string | null, completedAt?: string | null, error?: string | null } | null } | null, progress?: { __typename?: 'Progress', id: string, status: ProgressStatus, percent: number, currentStage?: string | null, error?: string | null, updatedAt: string, completedAt?: string | null, stages: Array<{ __typename?: 'ProgressStage', name: string, status: ProgressStatus, progress: number, startedAt?: string | null, completedAt?: string | null, error?: string | null }> } | null }> } };

export type LoggedEventFragment = { __typename?: 'NexusEvent', id: string, type: NexusEventType, executionId?: string | null, payload?: unknown | null, relationship?: { __typename?: 'Relationship', from: { __typename?: 'Entity', id: string } } | null, progressChange?: { __typename?: 'ProgressChange', executionId: string, status: ProgressStatus, percent: number, currentStage?: string | null, at: string, sequence?: number | null, stage?: { __typename?: 'ProgressStage', name: string, status: ProgressStatus, progress: number, startedAt?: string | null, completedAt?: string | null, error?: string | null } | null } | null, progress?: { __typename?: 'Progress', id: string, status: ProgressStatus, percent: number, currentStage?: string | null, error?: string | null, updatedAt: string, completedAt?: string | null, stages: Array<{ __typename?: 'ProgressStage', name: string, status: ProgressStatus, progress: number, startedAt?: string | null, completedAt?: string | null, error?: string | null }> } | null };

export type ExecutionFieldsFragment = { __typename?: 'Execution', id: string, status: ExecutionStatus, patternVersion: number, input?: unknown | null, output?: unknown | null, error?: string | null, durationMs?: number | null, idempotencyKey?: string | null, steps: Array<{ __typename?: 'StepResult', stepId: string, status: StepStatus, attempts: number, output?: unknown | null, error?: string | null, durationMs?: number | null }>, progress: { __typename?: 'Progress', status: ProgressStatus, percent: number, currentStage?: string | null, stages: Array<{ __typename?: 'ProgressStage', name: string, status: ProgressStatus, error?: string | null }> } };

export type ExecutePatternMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input?: InputMaybe<Scalars['JSON']['input']>;
  mode: ExecutionMode;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExecutePatternMutation = { __typename?: 'Mutation', executePattern: { __typename?: 'Execution', id: string, status: ExecutionStatus, patternVersion: number, input?: unknown | null, output?: unknown | null, error?: string | null, durationMs?: number | null, idempotencyKey?: string | null, steps: Array<{ __typename?: 'StepResult', stepId: string, status: StepStatus, attempts: number, output?: unknown | null, error?: string | null, durationMs?: number | null }>, progress: { __typename?: 'Progress', status: ProgressStatus, percent: number, currentStage?: string | null, stages: Array<{ __typename?: 'ProgressStage', name: string, status: ProgressStatus, error?: string | null }> } } };

export type CancelExecutionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelExecutionMutation = { __typename?: 'Mutation', cancelExecution: { __typename?: 'Execution', id: string, status: ExecutionStatus, patternVersion: number, input?: unknown | null, output?: unknown | null, error?: string | null, durationMs?: number | null, idempotencyKey?: string | null, steps: Array<{ __typename?: 'StepResult', stepId: string, status: StepStatus, attempts: number, output?: unknown | null, error?: string | null, durationMs?: number | null }>, progress: { __typename?: 'Progress', status: ProgressStatus, percent: number, currentStage?: string | null, stages: Array<{ __typename?: 'ProgressStage', name: string, status: ProgressStatus, error?: string | null }> } } };

export type GetExecutionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GetExecutionQuery = { __typename?: 'Query', execution?: { __typename?: 'Execution', id: string, status: ExecutionStatus, patternVersion: number, input?: unknown | null, output?: unknown | null, error?: string | null, durationMs?: number | null, idempotencyKey?: string | null, pattern: { __typename?: 'Pattern', id: string, version: number }, steps: Array<{ __typename?: 'StepResult', stepId: string, status: StepStatus, attempts: number, output?: unknown | null, error?: string | null, durationMs?: number | null }>, progress: { __typename?: 'Progress', status: ProgressStatus, percent: number, currentStage?: string | null, stages: Array<{ __typename?: 'ProgressStage', name: string, status: ProgressStatus, error?: string | null }> } } | null, progress?: { __typename?: 'Progress', status: ProgressStatus, percent: number } | null };

export type ListExecutionsQueryVariables = Exact<{
  patternId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ExecutionStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListExecutionsQuery = { __typename?: 'Query', executions: { __typename?: 'ExecutionConnection', totalCount: number, edges: Array<{ __typename?: 'ExecutionEdge', cursor: string, node: { __typename?: 'Execution', id: string, status: ExecutionStatus } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PlanPatternQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  input?: InputMaybe<Scalars['JSON']['input']>;
}>;


export type PlanPatternQuery = { __typename?: 'Query', planPattern: { __typename?: 'ExecutionPlan', levels: Array<Array<string>>, criticalPath: Array<string> } };

export type PatternStatsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PatternStatsQuery = { __typename?: 'Query', pattern?: { __typename?: 'Pattern', usageCount: number, successRate: number, avgDurationMs?: number | null, executions: { __typename?: 'ExecutionConnection', totalCount: number } } | null };

export type CreateRelationshipMutationVariables = Exact<{
  input: CreateRelationshipInput;
}>;


export type CreateRelationshipMutation = { __typename?: 'Mutation', createRelationship: { __typename?: 'Relationship', id: string, type: RelationshipType, inverseType?: RelationshipType | null, metadata?: unknown | null, createdAt: string, createdBy?: string | null, from: { __typename?: 'Entity', id: string }, to: { __typename?: 'Entity', id: string } } };

export type DeleteRelationshipMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteRelationshipMutation = { __typename?: 'Mutation', deleteRelationship: boolean };

export type GetRelationshipQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GetRelationshipQuery = { __typename?: 'Query', relationship?: { __typename?: 'Relationship', id: string, type: RelationshipType, metadata?: unknown | null, from: { __typename?: 'Entity', id: string }, to: { __typename?: 'Entity', id: string } } | null };

export type GetEntityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  direction: Direction;
  types?: InputMaybe<Array<RelationshipType> | RelationshipType>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GetEntityQuery = { __typename?: 'Query', entity: { __typename?: 'Entity', id: string, degree: number, outDegree: number, inDegree: number, relationships: { __typename?: 'RelationshipConnection', totalCount: number, edges: Array<{ __typename?: 'RelationshipEdge', cursor: string, node: { __typename?: 'Relationship', id: string, type: RelationshipType, from: { __typename?: 'Entity', id: string }, to: { __typename?: 'Entity', id: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null } }, neighbors: Array<{ __typename?: 'Entity', id: string }> } };

export type FindPathQueryVariables = Exact<{
  from: Scalars['ID']['input'];
  to: Scalars['ID']['input'];
  maxDepth: Scalars['Int']['input'];
  direction: Direction;
  types?: InputMaybe<Array<RelationshipType> | RelationshipType>;
}>;


export type FindPathQuery = { __typename?: 'Query', findPath?: { __typename?: 'Path', length: number, entities: Array<{ __typename?: 'Entity', id: string }>, relationships: Array<{ __typename?: 'Relationship', id: string, type: RelationshipType, from: { __typename?: 'Entity', id: string }, to: { __typename?: 'Entity', id: string } }> } | null };

export type TraverseQueryVariables = Exact<{
  from: Scalars['ID']['input'];
  maxDepth: Scalars['Int']['input'];
  direction: Direction;
  types?: InputMaybe<Array<RelationshipType> | RelationshipType>;
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;


export type TraverseQuery = { __typename?: 'Query', traverse: { __typename?: 'Traversal', entities: Array<{ __typename?: 'TraversedEntity', depth: number, entity: { __typename?: 'Entity', id: string } }>, relationships: Array<{ __typename?: 'Relationship', id: string, type: RelationshipType }> } };

export type DetectCyclesQueryVariables = Exact<{
  types?: InputMaybe<Array<RelationshipType> | RelationshipType>;
  from?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxLength?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DetectCyclesQuery = { __typename?: 'Query', detectCycles: Array<{ __typename?: 'Cycle', entities: Array<{ __typename?: 'Entity', id: string }>, relationships: Array<{ __typename?: 'Relationship', id: string, type: RelationshipType }> }> };

export type GraphStatsQueryQueryVariables = Exact<{ [key: string]: never; }>;


export type GraphStatsQueryQuery = { __typename?: 'Query', graphStats: { __typename?: 'GraphStats', entityCount: number, relationshipCount: number, byType: Array<{ __typename?: 'TypeCount', type: RelationshipType, count: number }> } };

export type NestedNeighborsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NestedNeighborsQuery = { __typename?: 'Query', entity: { __typename?: 'Entity', neighbors: Array<{ __typename?: 'Entity', id: string, neighbors: Array<{ __typename?: 'Entity', id: string, neighbors: Array<{ __typename?: 'Entity', id: string, degree: number }> }> }> } };

export type PatternFieldsFragment = { __typename?: 'Pattern', id: string, name: string, description?: string | null, version: number, origin: PatternOrigin, category: PatternCategory, metadata?: unknown | null, transactional: boolean, isActive: boolean, createdBy: string, createdAt: string, updatedAt: string, usageCount: number, successRate: number, avgDurationMs?: number | null, steps: Array<{ __typename?: 'Step', id: string, type: StepType, action: string, parameters?: unknown | null, dependsOn: Array<string>, retries: number, timeoutMs?: number | null }> };

export type CreatePatternMutationVariables = Exact<{
  input: CreatePatternInput;
}>;


export type CreatePatternMutation = { __typename?: 'Mutation', createPattern: { __typename?: 'Pattern', id: string, name: string, description?: string | null, version: number, origin: PatternOrigin, category: PatternCategory, metadata?: unknown | null, transactional: boolean, isActive: boolean, createdBy: string, createdAt: string, updatedAt: string, usageCount: number, successRate: number, avgDurationMs?: number | null, steps: Array<{ __typename?: 'Step', id: string, type: StepType, action: string, parameters?: unknown | null, dependsOn: Array<string>, retries: number, timeoutMs?: number | null }> } };

export type UpdatePatternMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdatePatternInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type UpdatePatternMutation = { __typename?: 'Mutation', updatePattern: { __typename?: 'Pattern', id: string, name: string, description?: string | null, version: number, origin: PatternOrigin, category: PatternCategory, metadata?: unknown | null, transactional: boolean, isActive: boolean, createdBy: string, createdAt: string, updatedAt: string, usageCount: number, successRate: number, avgDurationMs?: number | null, steps: Array<{ __typename?: 'Step', id: string, type: StepType, action: string, parameters?: unknown | null, dependsOn: Array<string>, retries: number, timeoutMs?: number | null }> } };

export type DeletePatternMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeletePatternMutation = { __typename?: 'Mutation', deletePattern: boolean };

export type GetPatternQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
}>;


export type GetPatternQuery = { __typename?: 'Query', pattern?: { __typename?: 'Pattern', id: string, name: string, description?: string | null, version: number, origin: PatternOrigin, category: PatternCategory, metadata?: unknown | null, transactional: boolean, isActive: boolean, createdBy: string, createdAt: string, updatedAt: string, usageCount: number, successRate: number, avgDurationMs?: number | null, versions: Array<{ __typename?: 'Pattern', version: number, name: string }>, steps: Array<{ __typename?: 'Step', id: string, type: StepType, action: string, parameters?: unknown | null, dependsOn: Array<string>, retries: number, timeoutMs?: number | null }> } | null };

export type ListPatternsQueryVariables = Exact<{
  filter?: InputMaybe<PatternFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListPatternsQuery = { __typename?: 'Query', patterns: { __typename?: 'PatternConnection', totalCount: number, edges: Array<{ __typename?: 'PatternEdge', cursor: string, node: { __typename?: 'Pattern', id: string, version: number, updatedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type PatternDiffQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
}>;


export type PatternDiffQuery = { __typename?: 'Query', pattern?: { __typename?: 'Pattern', id: string, diff: { __typename?: 'PatternDiff', from: number, to: number, stepsAdded: Array<string>, stepsRemoved: Array<string>, stepsReordered: boolean, identical: boolean, fields: Array<{ __typename?: 'PatternFieldChange', field: string, before?: unknown | null, after?: unknown | null }>, stepsChanged: Array<{ __typename?: 'StepChange', id: string, changes: Array<{ __typename?: 'PatternFieldChange', field: string, before?: unknown | null, after?: unknown | null }> }> } } | null };

export type RestorePatternVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RestorePatternVersionMutation = { __typename?: 'Mutation', restorePatternVersion: { __typename?: 'Pattern', id: string, name: string, description?: string | null, version: number, origin: PatternOrigin, category: PatternCategory, metadata?: unknown | null, transactional: boolean, isActive: boolean, createdBy: string, createdAt: string, updatedAt: string, usageCount: number, successRate: number, avgDurationMs?: number | null, steps: Array<{ __typename?: 'Step', id: string, type: StepType, action: string, parameters?: unknown | null, dependsOn: Array<string>, retries: number, timeoutMs?: number | null }> } };

export type ExportPatternsQueryVariables = Exact<{
  ids?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
  filter?: InputMaybe<PatternFilter>;
  includeVersions?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type ExportPatternsQuery = { __typename?: 'Query', exportPatterns: unknown };

export type ImportPatternsMutationVariables = Exact<{
  document: Scalars['JSON']['input'];
  mode?: InputMaybe<ImportMode>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type ImportPatternsMutation = { __typename?: 'Mutation', importPatterns: { __typename?: 'PatternImportReport', mode: ImportMode, dryRun: boolean, created: number, updated: number, unchanged: number, skipped: number, refused: number, items: Array<{ __typename?: 'PatternImportItem', index: number, id: string, outcome: PatternImportOutcome, version?: number | null, code?: string | null, reason?: string | null }> } };

export type PlannedTextFieldsFragment = { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null };

export type PlanEffectsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  input?: InputMaybe<Scalars['JSON']['input']>;
}>;


export type PlanEffectsQuery = { __typename?: 'Query', planPattern: { __typename?: 'ExecutionPlan', levels: Array<Array<string>>, criticalPath: Array<string>, conflictCount: number, conflictsComplete: boolean, effects: Array<{ __typename?: 'StepEffects', stepId: string, readsGraph: boolean, reads: Array<{ __typename?: 'KeyEffect', action: KeyAction, key: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null } }>, writes: Array<{ __typename?: 'KeyEffect', action: KeyAction, key: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null } }>, createsRelationships: Array<{ __typename?: 'PlannedEdge', from: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null }, to: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null }, type: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null } }>, deletesRelationships: Array<{ __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null }>, publishes: Array<{ __typename?: 'PlannedEvent', payload?: unknown | null, payloadResolved: boolean, eventType: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null } }>, runsPattern?: { __typename?: 'PlannedChildRun', input?: unknown | null, inputResolved: boolean, patternId: { __typename?: 'PlannedText', template: string, value?: string | null, resolved: boolean, reason?: string | null } } | null, unknown: Array<{ __typename?: 'UnknownEffect', parameter: string, reason: string }> }>, conflicts: Array<{ __typename?: 'WriteConflict', kind: ConflictKind, steps: Array<string>, target: ConflictTarget, key?: string | null, inputIndependent: boolean, edge?: { __typename?: 'ConflictEdge', from: string, to: string, type: string } | null }>, unresolved: Array<{ __typename?: 'UnresolvedTarget', stepId: string, what: string, template?: string | null, reason: string }> } };

export type CreateWithWarningsMutationVariables = Exact<{
  input: CreatePatternInput;
}>;


export type CreateWithWarningsMutation = { __typename?: 'Mutation', createPattern: { __typename?: 'Pattern', id: string, version: number, warnings: Array<{ __typename?: 'PatternWarning', code: PatternWarningCode, message: string, steps: Array<string>, key?: string | null, edge?: { __typename?: 'ConflictEdge', from: string, to: string, type: string } | null }> } };

export type PatternWarningsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PatternWarningsQuery = { __typename?: 'Query', pattern?: { __typename?: 'Pattern', version: number, warnings: Array<{ __typename?: 'PatternWarning', code: PatternWarningCode, steps: Array<string>, key?: string | null, edge?: { __typename?: 'ConflictEdge', from: string, to: string, type: string } | null }> } | null };

export type ScheduleFieldsFragment = { __typename?: 'Schedule', id: string, patternId: string, cron?: string | null, everyMs?: number | null, timezone?: string | null, input?: unknown | null, owner: string, createdAt: string, nextFireAt: string, lastFiredAt?: string | null, lastTick?: string | null, lastSkipReason?: string | null, fireCount: number, skipCount: number, lastExecution?: { __typename?: 'Execution', id: string, idempotencyKey?: string | null } | null, lastExecutions: Array<{ __typename?: 'Execution', id: string, idempotencyKey?: string | null, status: ExecutionStatus }> };

export type SchedulePatternMutationVariables = Exact<{
  input: SchedulePatternInput;
}>;


export type SchedulePatternMutation = { __typename?: 'Mutation', schedulePattern: { __typename?: 'Schedule', id: string, patternId: string, cron?: string | null, everyMs?: number | null, timezone?: string | null, input?: unknown | null, owner: string, createdAt: string, nextFireAt: string, lastFiredAt?: string | null, lastTick?: string | null, lastSkipReason?: string | null, fireCount: number, skipCount: number, lastExecution?: { __typename?: 'Execution', id: string, idempotencyKey?: string | null } | null, lastExecutions: Array<{ __typename?: 'Execution', id: string, idempotencyKey?: string | null, status: ExecutionStatus }> } };

export type UnschedulePatternMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnschedulePatternMutation = { __typename?: 'Mutation', unschedulePattern: boolean };

export type GetScheduleQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GetScheduleQuery = { __typename?: 'Query', schedule?: { __typename?: 'Schedule', id: string, patternId: string, cron?: string | null, everyMs?: number | null, timezone?: string | null, input?: unknown | null, owner: string, createdAt: string, nextFireAt: string, lastFiredAt?: string | null, lastTick?: string | null, lastSkipReason?: string | null, fireCount: number, skipCount: number, lastExecution?: { __typename?: 'Execution', id: string, idempotencyKey?: string | null } | null, lastExecutions: Array<{ __typename?: 'Execution', id: string, idempotencyKey?: string | null, status: ExecutionStatus }> } | null };

export type ListSchedulesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  patternId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ListSchedulesQuery = { __typename?: 'Query', schedules: { __typename?: 'ScheduleConnection', totalCount: number, edges: Array<{ __typename?: 'ScheduleEdge', cursor: string, node: { __typename?: 'Schedule', id: string, patternId: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ScheduledExecutionsQueryVariables = Exact<{
  patternId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ScheduledExecutionsQuery = { __typename?: 'Query', executions: { __typename?: 'ExecutionConnection', totalCount: number, edges: Array<{ __typename?: 'ExecutionEdge', node: { __typename?: 'Execution', id: string, idempotencyKey?: string | null, status: ExecutionStatus, createdBy: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type DeactivatePatternMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeactivatePatternMutation = { __typename?: 'Mutation', updatePattern: { __typename?: 'Pattern', id: string, isActive: boolean } };

export type DeleteScheduledPatternMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteScheduledPatternMutation = { __typename?: 'Mutation', deletePattern: boolean };

export type ScheduleEventsQueryVariables = Exact<{
  patternId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ScheduleEventsQuery = { __typename?: 'Query', events: { __typename?: 'EventLogPage', events: Array<{ __typename?: 'NexusEvent', type: NexusEventType, patternId?: string | null, executionId?: string | null, payload?: unknown | null }> } };

export type AuditLogQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  action?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditLogQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEntryEdge', cursor: string, node: { __typename?: 'AuditEntry', id: string, at: string, actor: string, roles: Array<string>, action: string, targets: Array<string>, outcome: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PatternIdsQueryVariables = Exact<{
  filter?: InputMaybe<PatternFilter>;
}>;


export type PatternIdsQuery = { __typename?: 'Query', patterns: { __typename?: 'PatternConnection', totalCount: number, edges: Array<{ __typename?: 'PatternEdge', node: { __typename?: 'Pattern', id: string } }> } };

export type PatternWithExecutionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PatternWithExecutionsQuery = { __typename?: 'Query', pattern?: { __typename?: 'Pattern', id: string, versions: Array<{ __typename?: 'Pattern', version: number }>, executions: { __typename?: 'ExecutionConnection', totalCount: number, edges: Array<{ __typename?: 'ExecutionEdge', node: { __typename?: 'Execution', id: string } }> } } | null };

export type ExecutionVisibilityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExecutionVisibilityQuery = { __typename?: 'Query', execution?: { __typename?: 'Execution', id: string, createdBy: string } | null, progress?: { __typename?: 'Progress', status: ProgressStatus } | null, executions: { __typename?: 'ExecutionConnection', totalCount: number, edges: Array<{ __typename?: 'ExecutionEdge', node: { __typename?: 'Execution', id: string } }> } };

export type StepTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type StepTypesQuery = { __typename?: 'Query', stepTypes: Array<{ __typename?: 'StepTypeInfo', type: StepType, description: string, actions: Array<{ __typename?: 'StepActionInfo', action: string, description: string, parametersSchema: unknown, outputSchema: unknown, example: unknown }> }> };

export const LoggedEventFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoggedEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NexusEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<LoggedEventFragment, unknown>;
export const ExecutionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"patternVersion"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionFieldsFragment, unknown>;
export const PatternFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatternFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pattern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"dependsOn"}},{"kind":"Field","name":{"kind":"Name","value":"retries"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"transactional"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"usageCount"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMs"}}]}}]} as unknown as DocumentNode<PatternFieldsFragment, unknown>;
export const PlannedTextFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlannedTextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlannedText"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<PlannedTextFieldsFragment, unknown>;
export const ScheduleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Schedule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patternId"}},{"kind":"Field","name":{"kind":"Name","value":"cron"}},{"kind":"Field","name":{"kind":"Name","value":"everyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFireAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTick"}},{"kind":"Field","name":{"kind":"Name","value":"lastSkipReason"}},{"kind":"Field","name":{"kind":"Name","value":"fireCount"}},{"kind":"Field","name":{"kind":"Name","value":"skipCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastExecutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ScheduleFieldsFragment, unknown>;
export const ReadEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NexusEventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasMore"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoggedEvent"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoggedEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NexusEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<ReadEventsQuery, ReadEventsQueryVariables>;
export const ExecutePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExecutePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExecutionMode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"patternVersion"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutePatternMutation, ExecutePatternMutationVariables>;
export const CancelExecutionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelExecution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelExecution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"patternVersion"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<CancelExecutionMutation, CancelExecutionMutationVariables>;
export const GetExecutionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetExecution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExecutionFields"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExecutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"patternVersion"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"currentStage"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<GetExecutionQuery, GetExecutionQueryVariables>;
export const ListExecutionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListExecutions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ExecutionStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"patternId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListExecutionsQuery, ListExecutionsQueryVariables>;
export const PlanPatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanPattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planPattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levels"}},{"kind":"Field","name":{"kind":"Name","value":"criticalPath"}}]}}]}}]} as unknown as DocumentNode<PlanPatternQuery, PlanPatternQueryVariables>;
export const PatternStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatternStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageCount"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMs"}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<PatternStatsQuery, PatternStatsQueryVariables>;
export const CreateRelationshipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRelationship"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRelationshipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRelationship"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"inverseType"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]} as unknown as DocumentNode<CreateRelationshipMutation, CreateRelationshipMutationVariables>;
export const DeleteRelationshipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteRelationship"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteRelationship"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteRelationshipMutation, DeleteRelationshipMutationVariables>;
export const GetRelationshipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetRelationship"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relationship"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}}]} as unknown as DocumentNode<GetRelationshipQuery, GetRelationshipQueryVariables>;
export const GetEntityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetEntity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Direction"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationshipType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}},{"kind":"Field","alias":{"kind":"Name","value":"outDegree"},"name":{"kind":"Name","value":"degree"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"OUT"}}]},{"kind":"Field","alias":{"kind":"Name","value":"inDegree"},"name":{"kind":"Name","value":"degree"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"IN"}}]},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"neighbors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<GetEntityQuery, GetEntityQueryVariables>;
export const FindPathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Direction"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationshipType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findPath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxDepth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"entities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FindPathQuery, FindPathQueryVariables>;
export const TraverseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Traverse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Direction"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationshipType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traverse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxDepth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"depth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]} as unknown as DocumentNode<TraverseQuery, TraverseQueryVariables>;
export const DetectCyclesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DetectCycles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationshipType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxLength"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detectCycles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxLength"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxLength"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]} as unknown as DocumentNode<DetectCyclesQuery, DetectCyclesQueryVariables>;
export const GraphStatsQueryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GraphStatsQuery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"graphStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityCount"}},{"kind":"Field","name":{"kind":"Name","value":"relationshipCount"}},{"kind":"Field","name":{"kind":"Name","value":"byType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<GraphStatsQueryQuery, GraphStatsQueryQueryVariables>;
export const NestedNeighborsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NestedNeighbors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"neighbors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"neighbors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"neighbors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NestedNeighborsQuery, NestedNeighborsQueryVariables>;
export const CreatePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePatternInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatternFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatternFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pattern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"dependsOn"}},{"kind":"Field","name":{"kind":"Name","value":"retries"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"transactional"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"usageCount"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMs"}}]}}]} as unknown as DocumentNode<CreatePatternMutation, CreatePatternMutationVariables>;
export const UpdatePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePatternInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatternFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatternFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pattern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"dependsOn"}},{"kind":"Field","name":{"kind":"Name","value":"retries"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"transactional"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"usageCount"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMs"}}]}}]} as unknown as DocumentNode<UpdatePatternMutation, UpdatePatternMutationVariables>;
export const DeletePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeletePatternMutation, DeletePatternMutationVariables>;
export const GetPatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetPattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatternFields"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatternFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pattern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"dependsOn"}},{"kind":"Field","name":{"kind":"Name","value":"retries"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"transactional"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"usageCount"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMs"}}]}}]} as unknown as DocumentNode<GetPatternQuery, GetPatternQueryVariables>;
export const ListPatternsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListPatterns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatternFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patterns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListPatternsQuery, ListPatternsQueryVariables>;
export const PatternDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatternDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"diff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stepsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"stepsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"stepsChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stepsReordered"}},{"kind":"Field","name":{"kind":"Name","value":"identical"}}]}}]}}]}}]} as unknown as DocumentNode<PatternDiffQuery, PatternDiffQueryVariables>;
export const RestorePatternVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestorePatternVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restorePatternVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatternFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatternFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pattern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"dependsOn"}},{"kind":"Field","name":{"kind":"Name","value":"retries"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"transactional"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"usageCount"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMs"}}]}}]} as unknown as DocumentNode<RestorePatternVersionMutation, RestorePatternVersionMutationVariables>;
export const ExportPatternsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportPatterns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatternFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeVersions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportPatterns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeVersions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeVersions"}}}]}]}}]} as unknown as DocumentNode<ExportPatternsQuery, ExportPatternsQueryVariables>;
export const ImportPatternsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportPatterns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"document"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMode"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importPatterns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"Variable","name":{"kind":"Name","value":"document"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ImportPatternsMutation, ImportPatternsMutationVariables>;
export const PlanEffectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanEffects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planPattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levels"}},{"kind":"Field","name":{"kind":"Name","value":"criticalPath"}},{"kind":"Field","name":{"kind":"Name","value":"effects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepId"}},{"kind":"Field","name":{"kind":"Name","value":"reads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"writes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createsRelationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deletesRelationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"payloadResolved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runsPattern"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patternId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlannedTextFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"inputResolved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readsGraph"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parameter"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inputIndependent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflictCount"}},{"kind":"Field","name":{"kind":"Name","value":"conflictsComplete"}},{"kind":"Field","name":{"kind":"Name","value":"unresolved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepId"}},{"kind":"Field","name":{"kind":"Name","value":"what"}},{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlannedTextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlannedText"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<PlanEffectsQuery, PlanEffectsQueryVariables>;
export const CreateWithWarningsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWithWarnings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePatternInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateWithWarningsMutation, CreateWithWarningsMutationVariables>;
export const PatternWarningsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatternWarnings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatternWarningsQuery, PatternWarningsQueryVariables>;
export const SchedulePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchedulePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SchedulePatternInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedulePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScheduleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Schedule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patternId"}},{"kind":"Field","name":{"kind":"Name","value":"cron"}},{"kind":"Field","name":{"kind":"Name","value":"everyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFireAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTick"}},{"kind":"Field","name":{"kind":"Name","value":"lastSkipReason"}},{"kind":"Field","name":{"kind":"Name","value":"fireCount"}},{"kind":"Field","name":{"kind":"Name","value":"skipCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastExecutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SchedulePatternMutation, SchedulePatternMutationVariables>;
export const UnschedulePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnschedulePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unschedulePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<UnschedulePatternMutation, UnschedulePatternMutationVariables>;
export const GetScheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScheduleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Schedule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patternId"}},{"kind":"Field","name":{"kind":"Name","value":"cron"}},{"kind":"Field","name":{"kind":"Name","value":"everyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFireAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTick"}},{"kind":"Field","name":{"kind":"Name","value":"lastSkipReason"}},{"kind":"Field","name":{"kind":"Name","value":"fireCount"}},{"kind":"Field","name":{"kind":"Name","value":"skipCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastExecutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<GetScheduleQuery, GetScheduleQueryVariables>;
export const ListSchedulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListSchedules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"patternId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patternId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListSchedulesQuery, ListSchedulesQueryVariables>;
export const ScheduledExecutionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduledExecutions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"patternId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduledExecutionsQuery, ScheduledExecutionsQueryVariables>;
export const DeactivatePatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivatePattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"isActive"},"value":{"kind":"BooleanValue","value":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}}]} as unknown as DocumentNode<DeactivatePatternMutation, DeactivatePatternMutationVariables>;
export const DeleteScheduledPatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteScheduledPattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteScheduledPatternMutation, DeleteScheduledPatternMutationVariables>;
export const ScheduleEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduleEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHEDULE_FIRED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"patternId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patternId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"patternId"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleEventsQuery, ScheduleEventsQueryVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"actor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actor"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const PatternIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatternIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatternFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patterns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatternIdsQuery, PatternIdsQueryVariables>;
export const PatternWithExecutionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatternWithExecutions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatternWithExecutionsQuery, PatternWithExecutionsQueryVariables>;
export const ExecutionVisibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExecutionVisibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionVisibilityQuery, ExecutionVisibilityQueryVariables>;
export const StepTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StepTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parametersSchema"}},{"kind":"Field","name":{"kind":"Name","value":"outputSchema"}},{"kind":"Field","name":{"kind":"Name","value":"example"}}]}}]}}]}}]} as unknown as DocumentNode<StepTypesQuery, StepTypesQueryVariables>;