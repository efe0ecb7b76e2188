import { canReadExecution } from '../shared/access.js';
import { decodeKeysetCursor, encodeKeysetCursor, type Page } from '../shared/pagination.js';
import { isAdmin, type Viewer } from '../shared/viewer.js';
import type { Execution, ExecutionStatus } from './execution.js';
import type { ExecutionStore } from './execution-store.js';
import { type Progress, progressOf } from './progress.js';

/** Executions as a viewer may read them: those they started, or (admins) everyone's. */
export class ExecutionReads {
  constructor(private readonly executions: ExecutionStore) {}

  /** The execution if the viewer may see it; else null. */
  async get(viewer: Viewer, id: string): Promise<Execution | null> {
    return (await this.getMany(viewer, [id]))[0] ?? null;
  }

  async getMany(viewer: Viewer, ids: readonly string[]): Promise<Array<Execution | null>> {
    const found = await this.executions.getMany(ids);
    return found.map((execution) =>
      execution && canReadExecution(viewer, execution) ? execution : null,
    );
  }

  async progress(viewer: Viewer, id: string): Promise<Progress | null> {
    const execution = await this.get(viewer, id);
    return execution ? progressOf(execution) : null;
  }

  async list(
    viewer: Viewer,
    filter: { patternId: string | null; status: ExecutionStatus | null },
    first: number,
    after: string | null,
  ): Promise<Page<Execution, string>> {
    const keyset = after === null ? null : decodeKeysetCursor(after);
    const position = keyset && { createdAtMs: keyset.ms, id: keyset.id };
    const result = await this.executions.list({
      ...filter,
      createdBy: isAdmin(viewer) ? null : viewer.id,
      after: position,
      limit: first,
    });
    return {
      items: result.items.map((item) => ({
        item,
        cursor: encodeKeysetCursor({ ms: Date.parse(item.createdAt), id: item.id }),
      })),
      totalCount: result.totalCount,
      hasNextPage: result.hasMore,
      hasPreviousPage: result.countBefore > 0,
    };
  }
}
