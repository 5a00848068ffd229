import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inState } from '../../test/job-row';
import { startTestWorker, type TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import { defineJob } from '../jobs/define-job';

describe.each(TEST_DATABASE_KINDS)('health and metrics on %s', (kind) => {
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

  it('reports health with queue depths and exposes job and queue metrics', async () => {
    const job = defineJob(
      'count-things',
      z.object({ fail: z.boolean() }),
      async ({ fail }) => {
        if (fail) throw new Error('asked to fail');
      },
      { retryLimit: 0 },
    );
    worker = await startTestWorker(db, [job]);
    const base = `http://127.0.0.1:${worker.port}`;
    // A queue nobody works on, so its depth stays put while we read it.
    await worker.boss.createQueue('park-things');
    await worker.boss.send('park-things', {});
    await worker.boss.send('park-things', {});
    const ok = await worker.boss.send('count-things', { fail: false });
    const bad = await worker.boss.send('count-things', { fail: true });
    if (!ok || !bad) throw new Error('send returned no id');
    await waitFor(inState(db, ok, 'completed'), { what: 'ok job' });
    await waitFor(inState(db, bad, 'failed'), { what: 'bad job' });

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; uptimeSeconds: number; queues: unknown[] };
    expect(body.status).toBe('ok');
    // Whole seconds since this worker started, in this test process: never more than the process's.
    expect(Number.isInteger(body.uptimeSeconds)).toBe(true);
    expect(body.uptimeSeconds).toBeLessThanOrEqual(Math.ceil(process.uptime()));
    expect(body.queues).toContainEqual({ name: 'park-things', queued: 2, active: 0 });
    expect(body.queues).toContainEqual({ name: 'count-things', queued: 0, active: 0 });

    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('palisade_worker_jobs_completed_total{job_name="count-things"} 1');
    expect(text).toContain('palisade_worker_jobs_failed_total{job_name="count-things",reason="error"} 1');
    expect(text).toContain(
      'palisade_worker_job_duration_seconds_count{job_name="count-things",outcome="completed"} 1',
    );
    expect(text).toContain('palisade_worker_queue_jobs{queue="park-things",state="queued"} 2');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('answers 404 for unknown paths and 405 for writes', async () => {
    worker = await startTestWorker(db, []);
    const base = `http://127.0.0.1:${worker.port}`;
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('answers 503 database_unreachable when the database goes away', async () => {
    const doomed = await openTestDatabase(kind);
    try {
      worker = await startTestWorker(doomed, []);
      const healthz = `http://127.0.0.1:${worker.port}/healthz`;
      expect((await fetch(healthz)).status).toBe(200);
      await doomed.close();
      const body = await waitFor(
        async () => {
          const res = await fetch(healthz);
          return res.status === 503 ? ((await res.json()) as { status: string }) : undefined;
        },
        { what: '503 after the database closed' },
      );
      expect(body.status).toBe('database_unreachable');
    } finally {
      await worker?.stop();
      worker = undefined;
      await doomed.close();
    }
  });
});
