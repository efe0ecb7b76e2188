import type {
  AuditEntry,
  AuditEntryInput,
  AuditLog,
  AuditPage,
  AuditQuery,
} from '../../domain/audit/audit-log.js';
import { compareStreamIds, StreamIdSequence } from '../../domain/shared/stream-ids.js';

/** The embedded audit trail: an array capped at `maxLength`, ids shaped like stream ids. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];
  private readonly ids = new StreamIdSequence();

  constructor(private readonly maxLength: number) {}

  async append(entries: readonly AuditEntryInput[]): Promise<void> {
    for (const entry of entries) {
      this.entries.push({ ...structuredClone(entry), id: this.ids.next(Date.now()) });
    }
    if (this.entries.length > this.maxLength) {
      this.entries.splice(0, this.entries.length - this.maxLength);
    }
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const matching = this.entries.filter(
      (entry) =>
        (query.actor === null || entry.actor === query.actor) &&
        (query.action === null || entry.action === query.action),
    );
    const before = query.before;
    const older = matching
      .filter((entry) => before === null || compareStreamIds(entry.id, before) < 0)
      .reverse();
    return {
      items: older.slice(0, query.limit).map((entry) => structuredClone(entry)),
      totalCount: matching.length,
      hasMore: older.length > query.limit,
    };
  }
}
