import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inState, jobRow } from '../../test/job-row';
import { startTestWorker, type TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import { defineJob } from './define-job';

const TENANT = '0b9f3c1e-5d1a-4c3e-9a4b-2f6e8d7c1a01';

describe.each(TEST_DATABASE_KINDS)('jobs on %s', (kind) => {
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

  it('runs a defined job with its parsed payload and stores the output', async () => {
    const seen: unknown[] = [];
    const job = defineJob(
      'record-note',
      z.object({ tenantId: z.uuid(), note: z.string().transform((s) => s.toUpperCase()) }),
      async (payload) => {
        seen.push(payload);
        return { length: payload.note.length };
      },
    );
    worker = await startTestWorker(db, [job]);
    const id = await worker.boss.send('record-note', { tenantId: TENANT, note: 'hello' });
    if (!id) throw new Error('send returned no id');

    const row = await waitFor(inState(db, id, 'completed', 'failed'), { what: 'job settled' });
    expect(row).toMatchObject({ state: 'completed', retry_count: 0, output: { length: 5 } });
    expect(seen).toEqual([{ tenantId: TENANT, note: 'HELLO' }]);
    expect(worker.logs.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'job completed',
        job_id: id,
        job_name: 'record-note',
        tenant_id: TENANT,
      }),
    );
  });

  it('fails an invalid payload at once, without retry and without calling the handler', async () => {
    let calls = 0;
    const job = defineJob(
      'check-payload',
      z.object({ tenantId: z.uuid() }),
      async () => {
        calls++;
      },
      { retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false },
    );
    worker = await startTestWorker(db, [job]);
    const bad = await worker.boss.send('check-payload', { tenantId: 'not-a-uuid' });
    const good = await worker.boss.send('check-payload', { tenantId: TENANT });
    if (!bad || !good) throw new Error('send returned no id');

    const badRow = await waitFor(inState(db, bad, 'failed'), { what: 'invalid job failed' });
    await waitFor(inState(db, good, 'completed'), { what: 'valid control completed' });
    expect(badRow.retry_count).toBe(0);
    expect(badRow.output).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(calls).toBe(1); // the valid control only
    expect(worker.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 50, msg: 'job payload invalid, failed without retry', job_id: bad }),
    );
  });

  it('completes the siblings of throwing jobs in the same batch', async () => {
    const ran: number[] = [];
    const job = defineJob(
      'crunch-number',
      z.object({ n: z.number() }),
      async ({ n }) => {
        ran.push(n);
        if (n % 2 === 0) throw new Error(`boom ${n}`);
        return { n };
      },
      { batchSize: 4, retryLimit: 0 },
    );
    worker = await startTestWorker(db, [job]);
    const ids = [1, 2, 3, 4].map(() => crypto.randomUUID());
    // One insert is one commit, so the next fetch takes all four as a single batch.
    await worker.boss.insert(ids.map((id, i) => ({ id, name: 'crunch-number', data: { n: i + 1 } })));

    const rows = [];
    for (const id of ids) rows.push(await waitFor(inState(db, id, 'completed', 'failed'), { what: id }));
    expect(rows.map((r) => r.state)).toEqual(['completed', 'failed', 'completed', 'failed']);
    expect(ran.sort()).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.output).toEqual({ n: 1 });
    // Each failed job's output names its own error.
    const [, second, , fourth] = ids;
    expect(rows[1]?.output).toMatchObject({ name: 'JobBatchError', failures: { [`${second}`]: 'boom 2' } });
    expect(rows[3]?.output).toMatchObject({ failures: { [`${fourth}`]: 'boom 4' } });
  });

  it('retries a job that threw and completes it on the next attempt', async () => {
    const attempts: number[] = [];
    const job = defineJob(
      'retry-once',
      z.object({}),
      async (_payload, { job }) => {
        attempts.push(job.retryCount);
        if (job.retryCount === 0) throw new Error('first attempt fails');
      },
      { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false },
    );
    worker = await startTestWorker(db, [job]);
    const id = await worker.boss.send('retry-once', {});
    if (!id) throw new Error('send returned no id');

    const row = await waitFor(inState(db, id, 'completed', 'failed'), { what: 'retried job settled' });
    expect(row).toMatchObject({ state: 'completed', retry_count: 1 });
    expect(attempts).toEqual([0, 1]);
  });

  it('aborts a job at its expiry and does not start batch siblings that expired meanwhile', async () => {
    const firstAttempts: string[] = [];
    let blockerSettled = false;
    const job = defineJob(
      'outlive-expiry',
      z.object({ n: z.number() }),
      async (_payload, { job, signal }) => {
        if (job.retryCount > 0) return;
        firstAttempts.push(job.id);
        // pg-boss returns a batch in no particular order: whichever job runs first blocks.
        try {
          await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
          // Hold on until pg-boss has failed the batch back (the row leaves its first active
          // state), so the sibling is surely past its expiry when the loop reaches it.
          await waitFor(
            async () => {
              const row = await jobRow(db, job.id);
              return row && (row.state !== 'active' || row.retry_count > 0) ? row : undefined;
            },
            { what: 'batch failed back by pg-boss' },
          );
          throw new Error('aborted at expiry');
        } finally {
          blockerSettled = true;
        }
      },
      { batchSize: 2, expireInSeconds: 1, retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false },
    );
    worker = await startTestWorker(db, [job]);
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    await worker.boss.insert(ids.map((id, i) => ({ id, name: 'outlive-expiry', data: { n: i } })));

    const rows = [];
    for (const id of ids) rows.push(await waitFor(inState(db, id, 'completed', 'failed'), { what: id }));
    expect(rows.map((r) => [r.state, r.retry_count])).toEqual([
      ['completed', 1],
      ['completed', 1],
    ]);
    // The old batch's loop moves on from the blocker synchronously; once it settled, a sibling
    // it wrongly started would already be recorded.
    await waitFor(async () => blockerSettled || undefined, { what: 'blocker settled' });
    expect(firstAttempts).toHaveLength(1);
    expect(worker.logs.lines()).toContainEqual(
      expect.objectContaining({ msg: 'job expired before it started, left to its retry', retry_count: 0 }),
    );
  });

  it('stops retrying once the retry limit is used up', async () => {
    let attempts = 0;
    const job = defineJob(
      'always-fail',
      z.object({}),
      async () => {
        attempts++;
        throw new Error('still broken');
      },
      { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false },
    );
    worker = await startTestWorker(db, [job]);
    const id = await worker.boss.send('always-fail', {});
    if (!id) throw new Error('send returned no id');

    const row = await waitFor(inState(db, id, 'failed'), { what: 'job failed for good' });
    expect(row.retry_count).toBe(1);
    expect(row.output).toMatchObject({ message: 'still broken' });
    expect(attempts).toBe(2);
    expect(await jobRow(db, id)).toMatchObject({ state: 'failed' });
  });
});
