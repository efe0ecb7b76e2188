import { Registry } from 'prom-client';
import { expect, it } from 'vitest';
import { queueMetrics } from '../../src/server/queue-metrics.js';

it('reads the queue counts once for scrapes close together, and shows them by state', async () => {
  const registry = new Registry();
  const metrics = queueMetrics(registry);
  let reads = 0;
  metrics.countFrom(async () => {
    reads++;
    return { waiting: 3, delayed: 2, active: 1 };
  });
  metrics.waited(250);
  const first = await registry.metrics();
  await registry.metrics();
  await registry.metrics();
  expect(reads).toBe(1);
  expect(first).toContain('nexus_queue_jobs{state="waiting"} 3');
  expect(first).toContain('nexus_queue_jobs{state="delayed"} 2');
  expect(first).toContain('nexus_queue_jobs{state="active"} 1');
  expect(first).toContain('nexus_queue_wait_seconds_bucket{le="0.5"} 1');
  expect(first).toContain('nexus_queue_wait_seconds_count 1');
});

it('keeps the scrape going when the counts cannot be read, and reads again next time', async () => {
  const registry = new Registry();
  const metrics = queueMetrics(registry);
  let reads = 0;
  metrics.countFrom(async () => {
    reads++;
    if (reads === 1) throw new Error('unreachable');
    return { waiting: 1, delayed: 0, active: 0 };
  });
  expect(await registry.metrics()).toContain('nexus_queue_wait_seconds_count 0');
  expect(await registry.metrics()).toContain('nexus_queue_jobs{state="waiting"} 1');
  expect(reads).toBe(2);
});
