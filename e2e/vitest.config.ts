import { defineConfig } from 'vitest/config';

// Browser tests share one built app per file and drive one chromium; run files one at a time.
export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The page shows an action's result once the server answered and the query refetched: on a busy
    // 2-core machine that can take longer than vitest's 1 s default for expect.poll.
    expect: { poll: { timeout: 30_000, interval: 250 } },
  },
});
