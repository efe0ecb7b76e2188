import { ValidationError } from '../shared/errors.js';
import type { Page } from '../shared/pagination.js';
import { isStreamId } from '../shared/stream-ids.js';
import type { AuditEntry, AuditLog } from './audit-log.js';

/** Reading the audit trail (admins only; the schema guards the field). */
export class AuditService {
  constructor(private readonly log: AuditLog) {}

  async list(
    filter: { actor: string | null; action: string | null },
    first: number,
    after: string | null,
  ): Promise<Page<AuditEntry, string>> {
    // The cursor is the entry id itself: stream ids are already opaque, ordered positions.
    if (after !== null && !isStreamId(after)) {
      throw ValidationError.single(['after'], 'is not a valid cursor');
    }
    const page = await this.log.list({ ...filter, before: after, limit: first });
    return {
      items: page.items.map((item) => ({ item, cursor: item.id })),
      totalCount: page.totalCount,
      hasNextPage: page.hasMore,
      hasPreviousPage: after !== null,
    };
  }
}
