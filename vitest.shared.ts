import { defineConfig } from 'vitest/config';

/** Shared test preset: every package's vitest.config.ts merges this. */
export const sharedTestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
