import { expect, it } from 'vitest';
import { loadWorkerEnv } from './env';

it('applies defaults for an empty environment', () => {
  expect(loadWorkerEnv({})).toEqual({
    WORKER_PORT: 9464,
    WORKER_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    WORKER_CONCURRENCY: 2,
    WORKER_POLL_INTERVAL_SECONDS: 1,
    WORKER_DRAIN_TIMEOUT_MS: 30_000,
    DAEMON_CONCURRENCY: 8,
    DAEMON_TENANT_CAP: 2,
    DAEMON_LEASE_SECONDS: 300,
    DAEMON_TICK_SECONDS: 1,
  });
});

it('coerces numbers and rejects nonsense', () => {
  expect(loadWorkerEnv({ WORKER_PORT: '0', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
    WORKER_PORT: 0,
    DATABASE_URL: 'postgres://u@h/db',
  });
  expect(() => loadWorkerEnv({ WORKER_PORT: '70000' })).toThrow();
  expect(() => loadWorkerEnv({ LOG_LEVEL: 'loud' })).toThrow();
  expect(() => loadWorkerEnv({ DATABASE_URL: 'not a url' })).toThrow();
  expect(loadWorkerEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
});
