/**
 * The run queue in `/metrics`: jobs waiting, delayed and active (read when scraped, one call for
 * the three, cached for a moment so that a scrape, or several scrapers, cost one read), and how
 * long runs waited after they were due (a histogram, observed as workers take them).
 */
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { QueueCounts } from '../domain/queue/run-workers.js';

/** How long one read of the counts serves scrapes. */
const COUNTS_CACHE_MS = 1_000;

export function queueMetrics(registry: Registry) {
  let source: (() => Promise<QueueCounts>) | null = null;
  let cached: { atMs: number; counts: Promise<QueueCounts> } | null = null;
  const read = (): Promise<QueueCounts> | null => {
    if (!source) return null;
    const now = Date.now();
    if (!cached || now - cached.atMs > COUNTS_CACHE_MS) {
      const counts = source();
      cached = { atMs: now, counts };
      // A failed read is not kept: the next scrape tries again.
      counts.catch(() => {
        if (cached?.counts === counts) cached = null;
      });
    }
    return cached.counts;
  };
  const jobs = new Gauge({
    name: 'nexus_queue_jobs',
    help: 'Runs in the queue by state (waiting: due, not taken; delayed: not due yet; active: in a worker), shared by every instance.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const counts = read();
      if (!counts) return;
      try {
        const { waiting, delayed, active } = await counts;
        this.set({ state: 'waiting' }, waiting);
        this.set({ state: 'delayed' }, delayed);
        this.set({ state: 'active' }, active);
      } catch {
        // The queue's store is unreachable: the gauge keeps its last values, the scrape goes on.
      }
    },
  });
  const wait = new Histogram({
    name: 'nexus_queue_wait_seconds',
    help: 'How long a run waited in the queue after it was due until a worker took it.',
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [registry],
  });
  void jobs;
  return {
    /** Where the counts come from (the engine of this app). */
    countFrom(counts: () => Promise<QueueCounts>): void {
      source = counts;
      cached = null;
    },
    waited(ms: number): void {
      wait.observe(ms / 1000);
    },
  };
}
