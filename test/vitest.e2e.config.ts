import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // One server for every browser test (seeded once at demo scale), shared through inject('baseUrl').
    globalSetup: ['e2e/support/server.global.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time keeps the 2-core machine responsive (and the budgets honest).
    fileParallelism: false,
  },
});
