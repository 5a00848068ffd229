import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './define-job';

const noop = async () => {};

describe('defineJob', () => {
  it('fills queue defaults and keeps given options', () => {
    const job = defineJob('send-notice', z.object({}), noop, { retryLimit: 1 });
    expect(job.options).toMatchObject({
      retryLimit: 1,
      retryBackoff: true,
      batchSize: 5,
      expireInSeconds: 900,
    });
  });

  it.each(['Send', 'send_notice', 'send', 'send--notice', '-send-notice'])(
    'rejects queue name %s',
    (name) => {
      expect(() => defineJob(name, z.object({}), noop)).toThrow(/kebab-case/);
    },
  );

  it('rejects a cron payload its own schema refuses, and parses a valid one', () => {
    const payload = z.object({ days: z.number().int().default(30) });
    expect(() =>
      defineJob('purge-things', payload, noop, { cron: { expression: '0 * * * *', payload: { days: 1.5 } } }),
    ).toThrow();
    const job = defineJob('purge-things', payload, noop, { cron: { expression: '0 * * * *', payload: {} } });
    expect(job.options.cron?.payload).toEqual({ days: 30 });
  });
});
