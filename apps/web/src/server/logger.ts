import { pino } from 'pino';
import { env } from '@/env';

/** The one root logger of apps/web: JSON to stdout; children add request, user and tenant ids. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { app: 'web' },
  redact: {
    paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token', 'headers.cookie'],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
