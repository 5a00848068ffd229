import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

export default mergeConfig(sharedTestConfig, {
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    // A fixed secret: tests sign real next-auth tokens and must not write one under .data/.
    env: {
      NEXTAUTH_SECRET: 'test-only-nextauth-secret',
      NEXTAUTH_URL: 'http://localhost:3000',
      LOG_LEVEL: 'silent',
    },
  },
});
