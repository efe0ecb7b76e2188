import type { Pattern } from '../pattern/pattern.js';
import { type CompiledPattern, compilePattern } from './compiled-pattern.js';

/**
 * The current version last read of each pattern run here, compiled (the one place a version is
 * compiled: its runs and child runs share what it holds), bounded in count and in size: a
 * pattern may hold 100 steps of 64 KiB parameters, so a thousand large ones would otherwise keep
 * gigabytes alive. The oldest entries make room (Maps keep insertion order).
 */
export class RecentPatterns {
  private readonly entries = new Map<string, { compiled: CompiledPattern; size: number }>();
  private totalSize = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(id: string): CompiledPattern | undefined {
    return this.entries.get(id)?.compiled;
  }

  /** Compiles a version just read and keeps it (unless it alone is past the size bound). */
  remember(pattern: Pattern): CompiledPattern {
    this.forget(pattern.id);
    const compiled = compilePattern(pattern);
    const size = JSON.stringify(pattern).length;
    if (size > this.maxChars) return compiled;
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.maxEntries || this.totalSize + size > this.maxChars)
    ) {
      const [oldest] = this.entries.keys();
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    this.entries.set(pattern.id, { compiled, size });
    this.totalSize += size;
    return compiled;
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
