import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each file seeds its own database; one at a time keeps the 2-core machine responsive.
    fileParallelism: false,
  },
});
