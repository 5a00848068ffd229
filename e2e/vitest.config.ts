import { defineConfig } from 'vitest/config';

// Browser tests share one built app per file and drive one chromium; run files one at a time.
export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
