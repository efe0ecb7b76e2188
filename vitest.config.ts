import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds; libraries reaching it both ways under vitest would
    // see two `graphql` modules ("from another module or realm"). Pin one.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Redis-backed files each start their own redis-server; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
