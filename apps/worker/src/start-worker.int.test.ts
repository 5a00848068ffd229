import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inState, jobRow } from '../test/job-row';
import { startTestWorker, type TestWorker } from '../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../test/test-database';
import { waitFor } from '../test/wait-for';
import { createBoss } from './boss/create-boss';
import { defineJob } from './jobs/define-job';
import { startWorker } from './start-worker';

/** A handler that holds its job until the test releases it. */
function gate() {
  let release = () => {};
  let started = false;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release: () => release(),
    started: () => started,
    wait: async () => {
      started = true;
      await released;
    },
  };
}

describe.each(TEST_DATABASE_KINDS)('worker lifecycle on %s', (kind) => {
  let db: TestDatabase;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await db.close();
  });

  it('drains: stop() waits for the in-flight job, and /healthz answers 503 meanwhile', async () => {
    const hold = gate();
    let finished = false;
    const job = defineJob('hold-job', z.object({}), async () => {
      await hold.wait();
      finished = true;
    });
    worker = await startTestWorker(db, [job]);
    const healthz = `http://127.0.0.1:${worker.port}/healthz`;
    expect((await fetch(healthz)).status).toBe(200);
    const id = await worker.boss.send('hold-job', {});
    if (!id) throw new Error('send returned no id');
    await waitFor(async () => hold.started() || undefined, { what: 'handler started' });

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    const draining = await waitFor(
      async () => {
        const res = await fetch(healthz);
        return res.status === 503 ? ((await res.json()) as { status: string }) : undefined;
      },
      { what: '503 while draining' },
    );
    expect(draining.status).toBe('draining');
    expect(stopped).toBe(false);

    hold.release();
    await stopping;
    expect(finished).toBe(true);
    expect(await jobRow(db, id)).toMatchObject({ state: 'completed' });
    await expect(fetch(healthz)).rejects.toThrow();
  });

  it('retries on a new instance a job left active by a crashed worker, once it expires', async () => {
    const job = defineJob(
      'survive-crash',
      z.object({ n: z.number() }),
      async ({ n }, { job }) => ({ n, retry: job.retryCount }),
      {
        expireInSeconds: 1,
        retryLimit: 2,
        retryDelaySeconds: 0,
        retryBackoff: false,
      },
    );
    // The crashed worker: it took the job (now active) and never completed or failed it.
    const crashed = createBoss(db.database, { supervise: false, schedule: false });
    crashed.on('error', () => {});
    await crashed.start();
    await crashed.createQueue('survive-crash', { name: 'survive-crash', expireInSeconds: 1, retryLimit: 2 });
    const id = await crashed.send('survive-crash', { n: 7 });
    if (!id) throw new Error('send returned no id');
    expect(await crashed.fetch('survive-crash')).toHaveLength(1);
    await crashed.stop({ graceful: false });
    expect(await jobRow(db, id)).toMatchObject({ state: 'active', retry_count: 0 });

    worker = await startTestWorker(db, [job]);
    const row = await waitFor(inState(db, id, 'completed', 'failed'), { what: 'recovered job settled' });
    expect(row).toMatchObject({ state: 'completed', retry_count: 1, output: { n: 7, retry: 1 } });
  });

  it('lets palisade_app enqueue in its own transaction but not fetch jobs', async () => {
    const job = defineJob('enqueue-probe', z.object({ tenantId: z.uuid() }), async () => ({ seen: true }));
    worker = await startTestWorker(db, [job]);
    const { boss } = worker;
    const tenantId = crypto.randomUUID();

    const id: string | null = await db.asAppRole((executeSql) =>
      boss.send('enqueue-probe', { tenantId }, { db: { executeSql } }),
    );
    if (!id) throw new Error('send as palisade_app returned no id');
    expect(await waitFor(inState(db, id, 'completed'), { what: 'app-enqueued job completed' })).toMatchObject(
      {
        output: { seen: true },
      },
    );
    await expect(
      db.asAppRole((executeSql) => executeSql("update pgboss.job set state = 'active' where id = $1", [id])),
    ).rejects.toThrow(/permission denied/);
  });

  it('schedules a job cron in UTC and removes it when the job drops its cron', async () => {
    const payload = z.object({ scope: z.string() });
    const noop = async () => {};
    const hourly = defineJob('sweep-things', payload, noop, {
      cron: { expression: '0 * * * *', payload: { scope: 'all' } },
    });
    worker = await startTestWorker(db, [hourly]);
    expect(await worker.boss.getSchedules()).toContainEqual(
      expect.objectContaining({
        name: 'sweep-things',
        cron: '0 * * * *',
        timezone: 'UTC',
        data: { scope: 'all' },
      }),
    );
    await worker.stop();

    worker = await startTestWorker(db, [defineJob('sweep-things', payload, noop)]);
    expect((await worker.boss.getSchedules()).map((s) => s.name)).not.toContain('sweep-things');
  });

  it('returns the running worker to a second start in the same process', async () => {
    worker = await startTestWorker(db, []);
    const again = await startWorker({ database: db.database, port: 0, jobs: [] });
    expect(again.boss).toBe(worker.boss);
    await worker.stop();
    worker = await startTestWorker(db, []);
    expect(worker.boss).not.toBe(again.boss);
  });
});
