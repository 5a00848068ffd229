import { DELIVER_EMAIL, type DeliverEmailPayload } from '@palisade/db/jobs/deliver-email';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { retryOutboxMessage } from '@palisade/db/queries/outbox/retry-outbox-message';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../../test/capture-logs';
import { resendStandIn } from '../../test/resend-stand-in';
import { startTestWorker, type TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import type { JobDefinition } from '../jobs/define-job';
import { DeliveryRetryError, deliverEmail, providerKey } from './deliver-email';
import { deliverEmailJob } from './deliver-email-job';
import { type Mailer, resendMailer } from './mailer';

type OutboxState = {
  status: string;
  attempts: number;
  error: string | null;
  delivered_via: string | null;
  provider_message_id: string | null;
};

describe.each(TEST_DATABASE_KINDS)('email delivery on %s', (kind) => {
  let db: TestDatabase;
  let a: SeededTenant;
  let resend: Awaited<ReturnType<typeof resendStandIn>>;
  let mailer: Mailer;
  let worker: TestWorker | undefined;
  const log = captureLogs().logger;
  let n = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    [a] = (await seedTenants(db.database.db, 1)) as [SeededTenant];
    resend = await resendStandIn();
    mailer = resendMailer(resend.apiKey, { baseUrl: resend.baseUrl, from: 'SOC <soc@mssp.test>' });
    // Creates pg-boss's schema and the deliver-email queue, then stops: these tests drive attempts by hand.
    const setup = await startTestWorker(db, [deliverEmailJob as JobDefinition]);
    await setup.stop();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await resend.close();
    await db.close();
  });

  const queue = (key = `test:${++n}`) =>
    withTenantOn(db.database.db, a.id, (tx) =>
      queueEmail(tx, {
        idempotencyKey: key,
        to: ['Client@Example.test'],
        subject: `Incident #${n}`,
        html: '<p>hello</p>',
        text: 'hello',
        kind: 'test',
      }),
    );
  const state = async (id: string) =>
    (
      await db.query<OutboxState>(
        'select status::text, attempts, error, delivered_via::text, provider_message_id from outbox where id = $1',
        [id],
      )
    )[0];
  const jobsFor = async (id: string) =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = $1 and data->>'messageId' = $2`,
        [DELIVER_EMAIL, id],
      )
    )[0]?.n;
  const payload = (id: string): DeliverEmailPayload => ({ tenantId: a.id, messageId: id });
  const deliver = (id: string, isLast = false, m = mailer) =>
    deliverEmail({ db: db.database.db, mailer: m, log }, payload(id), { isLast });

  it('queues once per idempotency key, with exactly one delivery job', async () => {
    const first = await queue('tier1:once');
    const again = await queue('tier1:once');
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, tenantId: a.id, created: false });
    expect(await jobsFor(first.id)).toBe(1);
    const [row] = await db.query<{ to: string[]; status: string; kind: string }>(
      'select "to", status::text, kind from outbox where id = $1',
      [first.id],
    );
    expect(row).toEqual({ to: ['client@example.test'], status: 'pending', kind: 'test' });
  });

  it('a failed attempt stays pending with its error, the retry sends once and records the provider id', async () => {
    const { id } = await queue();
    resend.failNext(1, 500);
    await expect(deliver(id)).rejects.toBeInstanceOf(DeliveryRetryError);
    expect(await state(id)).toEqual({
      status: 'pending',
      attempts: 1,
      error: expect.stringContaining('500'),
      delivered_via: null,
      provider_message_id: null,
    });
    const before = resend.delivered.length;
    expect(await deliver(id)).toEqual({ status: 'sent', via: 'resend' });
    const sent = resend.delivered.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: 'SOC <soc@mssp.test>',
      to: ['client@example.test'],
      text: 'hello',
      html: '<p>hello</p>',
      idempotencyKey: providerKey(payload(id)),
    });
    expect(await state(id)).toEqual({
      status: 'sent',
      attempts: 2,
      error: null,
      delivered_via: 'resend',
      provider_message_id: sent[0]?.id,
    });
    // A redelivered job of a sent message sends nothing.
    expect(await deliver(id)).toEqual({ status: 'skipped', reason: 'not_pending' });
    expect(resend.delivered.length).toBe(before + 1);
  });

  it('a crash between the send and its record does not send twice (provider idempotency key)', async () => {
    const { id } = await queue();
    const [row] = await db.query<{ subject: string }>('select subject from outbox where id = $1', [id]);
    // The attempt that reached Resend and died before recording it: same request, same key.
    const crashed = await mailer.send(
      {
        from: mailer.from,
        to: ['client@example.test'],
        cc: [],
        subject: row?.subject ?? '',
        html: '<p>hello</p>',
        text: 'hello',
      },
      { idempotencyKey: providerKey(payload(id)) },
    );
    expect(crashed.ok).toBe(true);
    const before = resend.delivered.length;
    expect(await deliver(id)).toEqual({ status: 'sent', via: 'resend' });
    expect(resend.delivered.length).toBe(before);
    expect((await state(id))?.provider_message_id).toBe(
      crashed.ok ? crashed.providerMessageId : 'unreachable',
    );
  });

  it('a refusal retrying cannot fix fails at once; the last failed attempt fails the message', async () => {
    const refused = await queue();
    resend.failNext(1, 422, 'validation_error');
    expect(await deliver(refused.id)).toEqual({ status: 'failed', error: expect.stringContaining('422') });
    expect(await state(refused.id)).toMatchObject({ status: 'failed', attempts: 1 });

    const outage = await queue();
    resend.failNext(1, 503);
    expect(await deliver(outage.id, true)).toEqual({
      status: 'failed',
      error: expect.stringContaining('503'),
    });
    expect(await state(outage.id)).toMatchObject({ status: 'failed', attempts: 1 });

    // The console's retry puts a failed message back with a new job; a sent one is never retried.
    expect(await jobsFor(outage.id)).toBe(1);
    const retried = await withTenantOn(db.database.db, a.id, (tx) => retryOutboxMessage(tx, a.id, outage.id));
    expect(retried).toEqual({ retried: true, status: 'pending' });
    expect(await jobsFor(outage.id)).toBe(2);
    expect(await deliver(outage.id)).toEqual({ status: 'sent', via: 'resend' });
    const again = await withTenantOn(db.database.db, a.id, (tx) => retryOutboxMessage(tx, a.id, outage.id));
    expect(again).toEqual({ retried: false, status: 'sent' });
    expect(await jobsFor(outage.id)).toBe(2);
  });

  it('the worker delivers queued mail: to Resend with RESEND_API_KEY, into the outbox without', async () => {
    const previous = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };
    try {
      delete process.env.RESEND_API_KEY;
      worker = await startTestWorker(db, [deliverEmailJob as JobDefinition]);
      const offline = await queue();
      expect(
        await waitFor(async () => {
          const s = await state(offline.id);
          return s?.status === 'pending' ? undefined : s;
        }),
      ).toEqual({
        status: 'sent',
        attempts: 1,
        error: null,
        delivered_via: 'outbox',
        provider_message_id: null,
      });

      process.env.RESEND_API_KEY = resend.apiKey;
      process.env.RESEND_BASE_URL = resend.baseUrl;
      const before = resend.delivered.length;
      const online = await queue();
      const sent = await waitFor(async () => {
        const s = await state(online.id);
        return s?.status === 'pending' ? undefined : s;
      });
      expect(sent).toMatchObject({ status: 'sent', delivered_via: 'resend', attempts: 1 });
      expect(resend.delivered.slice(before).map((d) => d.id)).toEqual([sent.provider_message_id]);
    } finally {
      if (previous.key === undefined) delete process.env.RESEND_API_KEY;
      else process.env.RESEND_API_KEY = previous.key;
      if (previous.url === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = previous.url;
    }
  }, 60_000);
});
