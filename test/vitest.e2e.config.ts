import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    // Starting the real server seeds a fresh database (migrations, reference + demo data).
    hookTimeout: 200_000,
    // One server and one browser at a time keeps the 2-core machine responsive.
    fileParallelism: false,
  },
});
