import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each file seeds its own database; one at a time keeps the 2-core machine responsive.
    fileParallelism: false,
    // @fastify/autoload imports the server's route and plugin files itself; inlined, its
    // imports go through vitest's TypeScript transform instead of Node's loader.
    server: { deps: { inline: ['@fastify/autoload'] } },
  },
});
