import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Redis-backed files each start their own redis-server; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
