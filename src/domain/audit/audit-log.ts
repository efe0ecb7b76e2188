/** The audit trail: one entry per mutation field, who did what to which ids, and how it ended. */

export interface AuditEntryInput {
  /** The viewer's id. */
  actor: string;
  roles: readonly string[];
  /** The mutation field, e.g. "createPattern". */
  action: string;
  /** Ids the mutation named or produced (pattern, execution, relationship, entity ids). */
  targets: readonly string[];
  /** "ok", or the error code it ended with (FORBIDDEN, BAD_USER_INPUT, ...). */
  outcome: string;
  /** ISO time the mutation finished. */
  at: string;
}

export interface AuditEntry extends AuditEntryInput {
  /** Ordered: newer entries have greater ids (a Redis stream id). */
  id: string;
}

export interface AuditQuery {
  actor: string | null;
  action: string | null;
  /** Entries strictly older than this id; null for the newest. */
  before: string | null;
  limit: number;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Entries matching the filters, wherever the cursor is. */
  totalCount: number;
  hasMore: boolean;
}

/** Append-only and capped (the oldest entries go first). Implementations: Redis stream, memory. */
export interface AuditLog {
  append(entries: readonly AuditEntryInput[]): Promise<void>;
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditPage>;
}
