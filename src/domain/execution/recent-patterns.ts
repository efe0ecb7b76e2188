import type { Pattern } from '../pattern/pattern.js';

/**
 * The current version last read of each pattern run here, bounded in count and in size: a
 * pattern may hold 100 steps of 64 KiB parameters, so a thousand large ones would otherwise keep
 * gigabytes alive. The oldest entries make room (Maps keep insertion order).
 */
export class RecentPatterns {
  private readonly entries = new Map<string, { pattern: Pattern; size: number }>();
  private totalSize = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(id: string): Pattern | undefined {
    return this.entries.get(id)?.pattern;
  }

  remember(pattern: Pattern): void {
    this.forget(pattern.id);
    const size = JSON.stringify(pattern).length;
    if (size > this.maxChars) return;
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.maxEntries || this.totalSize + size > this.maxChars)
    ) {
      const [oldest] = this.entries.keys();
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    this.entries.set(pattern.id, { pattern, size });
    this.totalSize += size;
  }

  /** Characters of JSON held (for tests). */
  get size(): number {
    return this.totalSize;
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.totalSize -= entry.size;
  }
}
