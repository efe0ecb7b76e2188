/**
 * The only place Redis keys are built. Every key starts with the configured prefix
 * (default `nexus:`). Data written by pattern steps will live under `${prefix}kv:`.
 */
import { keySpaceSegment } from '../../domain/execution/key-value-store.js';

export type PatternIndexField = 'origin' | 'category' | 'active' | 'creator';

export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** HASH id → JSON of the current version of each pattern. */
  patternDocs(): string {
    return `${this.prefix}patterns:docs`;
  }

  /** HASH id → current version number (the compare-and-set guard). */
  patternCurrentVersions(): string {
    return `${this.prefix}patterns:version`;
  }

  /** HASH id → generation of the pattern (which life of the id; see Pattern.generation). */
  patternGenerations(): string {
    return `${this.prefix}patterns:generation`;
  }

  /** ZSET id scored by updatedAt in ms: the listing order. */
  patternsByUpdated(): string {
    return `${this.prefix}patterns:updated`;
  }

  /** HASH id → lower-cased "name\ndescription", what `search` matches. */
  patternSearchText(): string {
    return `${this.prefix}patterns:search`;
  }

  /** SET of pattern ids with one value of a filterable field. */
  patternIndex(field: PatternIndexField, value: string): string {
    return `${this.prefix}patterns:idx:${field}:${value}`;
  }

  /** HASH version → JSON of that version, for every version of one pattern. */
  patternVersions(id: string): string {
    return `${this.prefix}pattern:${id}:versions`;
  }

  /** HASH usageCount, successCount, totalDurationMs of one pattern. */
  patternStats(id: string): string {
    return `${this.prefix}pattern:${id}:stats`;
  }

  /** HASH relationship id → JSON of the relationship. */
  graphRelationships(): string {
    return `${this.prefix}graph:rels`;
  }

  /** HASH "TYPE:to" → relationship id, for every relationship leaving an entity. */
  graphOut(entityId: string): string {
    return `${this.prefix}graph:out:${entityId}`;
  }

  /** HASH "TYPE:from" → relationship id, for every relationship arriving at an entity. */
  graphIn(entityId: string): string {
    return `${this.prefix}graph:in:${entityId}`;
  }

  /**
   * STRING JSON {origin, relationship}: a relationship a pattern step deleted, for an hour, so
   * that the step attempted again finds its work done.
   */
  graphDeletion(id: string): string {
    return `${this.prefix}graph:deleted:${id}`;
  }

  /** HASH of counters: "relationships" and "type:<TYPE>". */
  graphStats(): string {
    return `${this.prefix}graph:stats`;
  }

  /** HASH entity → number of relationships touching it (entities with none are absent). */
  graphEntities(): string {
    return `${this.prefix}graph:entities`;
  }

  /**
   * HASH entity → its version in an acyclic relation (hierarchy, ownership): moved to a fresh
   * number from graphAcyclicSequence by every arc added below the entity; absent while 0.
   */
  graphAcyclicVersions(relation: string): string {
    return `${this.prefix}graph:acyclic-versions:${relation}`;
  }

  /** Counter handing out acyclic versions, so that a version never repeats. */
  graphAcyclicSequence(): string {
    return `${this.prefix}graph:acyclic-sequence`;
  }

  /** STRING JSON of one execution, expiring after the retention period. */
  execution(id: string): string {
    return `${this.prefix}exec:${id}`;
  }

  /** HASH step id → JSON of that step's result, for one execution (expires with it). */
  executionSteps(id: string): string {
    return `${this.prefix}exec:${id}:steps`;
  }

  /** Set while a cancel of the execution is requested. */
  executionCancel(id: string): string {
    return `${this.prefix}exec:${id}:cancel`;
  }

  /** ZSET of executions scored by createdAt ms: all, one pattern's, or one status's. */
  executionsAll(): string {
    return `${this.prefix}execs:all`;
  }

  executionsOfPattern(patternId: string): string {
    return `${this.prefix}execs:pattern:${patternId}`;
  }

  executionsWithStatus(status: string): string {
    return `${this.prefix}execs:status:${status}`;
  }

  /**
   * STRING execution id remembered for one user's idempotency key of a pattern (24 h). User ids
   * and keys may hold colons: the pair is written as JSON, so no two pairs share a key.
   */
  executionIdempotency(patternId: string, userId: string, key: string): string {
    return `${this.prefix}execs:idem:${patternId}:${JSON.stringify([userId, key])}`;
  }

  /** ZSET of the executions one user started, scored by createdAt ms (listing). */
  executionsOfCreator(userId: string): string {
    return `${this.prefix}execs:creator:${userId}`;
  }

  /** ZSET of one user's running top-level executions, scored by slot expiry (ms). */
  executionSlots(userId: string): string {
    return `${this.prefix}execs:slots:${userId}`;
  }

  /**
   * ZSET of one user's PENDING runs (queued or delayed, no process has taken them up), scored by
   * when their record expires (ms): bounds how many may wait.
   */
  executionsWaiting(userId: string): string {
    return `${this.prefix}execs:waiting:${userId}`;
  }

  /** ZSET of running executions scored by when their lease runs out (ms). */
  executionLeases(): string {
    return `${this.prefix}execs:running`;
  }

  /** STREAM: the capped event log whose entry ids are the events' ids. */
  eventLog(): string {
    return `${this.prefix}events:log`;
  }

  /** STRING: the bytes the event log's entries take (their field values), kept by its script. */
  eventLogBytes(): string {
    return `${this.prefix}events:log:bytes`;
  }

  /** ZSET dedupe id → when it is forgotten (ms): events published with one (see PublishOptions). */
  eventDedupe(): string {
    return `${this.prefix}events:dedupe`;
  }

  /** The pub/sub channel every event is published on (a channel, not a key, but prefixed too). */
  eventChannel(): string {
    return `${this.prefix}events`;
  }

  /** The pub/sub channel cancel requests are told on: the message is the execution id. */
  cancelChannel(): string {
    return `${this.prefix}cancels`;
  }

  /**
   * Where pattern steps keep data, never among Nexus's own keys: `kv:sys:` + the key for system
   * patterns, `kv:user:<escaped owner>:` + the key for user patterns (disjoint spaces, see
   * keySpaceSegment).
   */
  kvNamespace(namespace: string | null): string {
    return `${this.prefix}kv:${keySpaceSegment(namespace)}`;
  }

  /** HASH schedule id → JSON of the schedule (what it runs, when, as whom). */
  scheduleDocs(): string {
    return `${this.prefix}schedules:docs`;
  }

  /** ZSET of schedule ids scored by createdAt ms: all, one owner's, one pattern's. */
  schedulesAll(): string {
    return `${this.prefix}schedules:all`;
  }

  schedulesOfOwner(ownerId: string): string {
    return `${this.prefix}schedules:owner:${ownerId}`;
  }

  schedulesOfPattern(patternId: string): string {
    return `${this.prefix}schedules:pattern:${patternId}`;
  }

  /** HASH of one schedule's ticks: last (JSON), lastTickMs, fired, skipped. */
  scheduleFires(id: string): string {
    return `${this.prefix}schedule:${id}:fires`;
  }

  /** LIST of the executions of one schedule's latest ticks, newest first (capped). */
  scheduleRecentExecutions(id: string): string {
    return `${this.prefix}schedule:${id}:recent`;
  }

  /**
   * BullMQ's `prefix`: its keys are `<prefix>:<queue>:<...>`, e.g. `nexus:bull:runs:wait`. The
   * library builds them itself (one queue's keys share `<prefix>:<queue>`).
   */
  bullmqPrefix(): string {
    return `${this.prefix}bull`;
  }

  /** Everything under the prefix, for SCAN in tests and maintenance. */
  all(): string {
    return `${this.prefix}*`;
  }

  /** STREAM of audit entries (capped); entry ids order them. */
  auditLog(): string {
    return `${this.prefix}audit:log`;
  }

  /** STREAM of one actor's audit entries, same ids as in the main log. */
  auditByActor(actor: string): string {
    return `${this.prefix}audit:actor:${actor}`;
  }

  /** STREAM of one action's audit entries, same ids as in the main log. */
  auditByAction(action: string): string {
    return `${this.prefix}audit:action:${action}`;
  }

  /** Prefix of the rate limiter's counters (the library appends the user id). */
  rateLimit(name: string): string {
    return `${this.prefix}ratelimit:${name}`;
  }
}
