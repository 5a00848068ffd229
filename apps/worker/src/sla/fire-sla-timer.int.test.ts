import { listDueSlaTimers } from '@palisade/db/queries/sla/list-due-sla-timers';
import { reconcileIncidentSla } from '@palisade/db/queries/sla/reconcile-incident-sla';
import {
  incidents,
  memberships,
  msspContacts,
  slaPolicies,
  slaTimers,
  tenantContacts,
  users,
} from '@palisade/db/schema';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import type { JobDefinition } from '../jobs/define-job';
import { deliverEmailJob } from '../notifications/deliver-email-job';
import { fireListedSlaTimers, fireTenantSlaTimers } from './fire-sla-timer';
import { notifySlaEvents } from './notify-sla-events';
import { slaJobs } from './sla-jobs';

const PUBLIC_URL = 'https://soc.example.test';
/** The SLA jobs and email delivery (every notice is queued with its deliver-email job). */
const JOBS = [...slaJobs, deliverEmailJob] as JobDefinition[];

type Outbox = {
  subject: string;
  to: string[];
  text: string;
  html: string;
  idempotency_key: string;
  kind: string;
};

describe.each(TEST_DATABASE_KINDS)('SLA timer firing on %s', (kind) => {
  let db: TestDatabase;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let analystId: string;
  let worker: TestWorker | undefined;
  let number = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    [tenant, other] = (await seedTenants(db.database.db, 2)) as [SeededTenant, SeededTenant];
    analystId = crypto.randomUUID();
    await db.database.db.insert(users).values({
      id: analystId,
      email: `analyst-${analystId.slice(0, 8)}@mssp.test`,
      name: 'Ana Lyst',
      passwordHash: 'x',
      kind: 'staff',
    });
    // The assignee works the tenant (an analyst's assignment), so the tenant's scope can read the address.
    await db.database.db
      .insert(memberships)
      .values({ tenantId: tenant.id, userId: analystId, role: 'analyst' });
    await db.database.db.insert(msspContacts).values([
      { kind: 'soc_management', name: 'SOC Lead', email: 'soc-lead@mssp.test', position: 0 },
      { kind: 'soc_management', name: 'SOC Deputy', email: 'soc-deputy@mssp.test', position: 1 },
    ]);
    await db.database.db.insert(tenantContacts).values([
      {
        tenantId: tenant.id,
        kind: 'escalation',
        name: 'Client CISO',
        email: 'ciso@client.test',
        position: 0,
      },
      { tenantId: tenant.id, kind: 'primary', name: 'Client Ops', email: 'ops@client.test', position: 0 },
      // Another tenant's contacts must never be used.
      { tenantId: other.id, kind: 'escalation', name: 'Other CISO', email: 'ciso@other.test', position: 0 },
    ]);
    // pg-boss's schema and the SLA queues exist from here on; the tests start workers as they need.
    const setup = await startTestWorker(db, JOBS);
    await setup.stop();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await db.close();
  });

  const scope = <T>(fn: Parameters<typeof withTenantOn<T>>[2]) => withTenantOn(db.database.db, tenant.id, fn);

  async function openIncident(
    severity: 'critical' | 'high' | 'medium',
    createdAt: Date,
    owner: SeededTenant = tenant,
  ): Promise<string> {
    const id = crypto.randomUUID();
    await db.database.db.insert(incidents).values({
      tenantId: owner.id,
      id,
      number: ++number,
      title: `Ransomware on host ${number}`,
      severity,
      priority: 'p1',
      firstAlertAt: createdAt,
      lastAlertAt: createdAt,
      createdAt,
    });
    await withTenantOn(db.database.db, owner.id, (tx) => reconcileIncidentSla(tx, owner.id, id, createdAt));
    return id;
  }
  const timerOf = async (incidentId: string, timerKind: 'assign' | 'resolve') => {
    const [row] = await db.database.db
      .select()
      .from(slaTimers)
      .where(and(eq(slaTimers.incidentId, incidentId), eq(slaTimers.kind, timerKind)));
    if (!row) throw new Error('no timer');
    return row;
  };
  /** A firing and then its notices, as the two jobs would run them. */
  const fire = async (timerId: string, now: Date) => {
    const { fired } = await fireTenantSlaTimers(db.database.db, tenant.id, { now, timerIds: [timerId] });
    const events = fired.find((f) => f.timerId === timerId)?.events.map((e) => e.key) ?? [];
    if (events.length > 0) {
      const [timer] = await db.database.db.select().from(slaTimers).where(eq(slaTimers.id, timerId));
      await notifySlaEvents(
        db.database.db,
        { tenantId: tenant.id, timerId, round: timer?.round ?? 0, events },
        { publicUrl: PUBLIC_URL },
      );
    }
    return { fired: events.map((event) => ({ event })) };
  };
  const mail = (incidentId: string) =>
    db.query<Outbox>(
      `select subject, "to", text, html, idempotency_key, kind from outbox where incident_id = $1 order by created_at, idempotency_key`,
      [incidentId],
    );
  const timeline = (incidentId: string) =>
    db.query<{ kind: string; data: { event: string; notify: string[] } }>(
      `select kind::text, data from incident_events where incident_id = $1 and kind::text like 'sla_%' order by at, data->>'event'`,
      [incidentId],
    );
  const firings = (timerId: string) =>
    db.query<{ event: string; fired_at: Date; due_at: Date }>(
      'select event, fired_at, due_at from sla_timer_firings where timer_id = $1 order by due_at, event',
      [timerId],
    );

  it('D3: critical and unassigned after 10 minutes → SOC management gets number, tenant, severity and a link', async () => {
    const created = new Date(Date.now() - 11 * 60_000);
    const id = await openIncident('critical', created);
    const timer = await timerOf(id, 'assign');
    const result = await fire(timer.id, new Date());
    // Late by a minute: the breach supersedes the warnings; the at-breach escalation step fires with it.
    expect(result.fired.map((f) => f.event)).toEqual(['breach', 'escalation:1']);
    const [breachMail, ...rest] = await mail(id);
    expect(rest).toEqual([]);
    const ref = `INC-${String(number).padStart(6, '0')}`;
    expect(breachMail?.to).toEqual(['soc-lead@mssp.test', 'soc-deputy@mssp.test']);
    expect(breachMail?.subject).toBe(`[CRITICAL] ${ref} (${tenant.name}): assignment SLA breached`);
    for (const part of [ref, `Tenant: ${tenant.name}`, 'Severity: critical', 'Nobody has been assigned']) {
      expect(breachMail?.text).toContain(part);
    }
    expect(breachMail?.text).toContain(`${PUBLIC_URL}/console/incidents/${tenant.id}/${id}`);
    expect(breachMail?.html).toContain(`${PUBLIC_URL}/console/incidents/${tenant.id}/${id}`);
    expect((await timeline(id)).map((e) => [e.kind, e.data.notify])).toEqual([
      ['sla_breached', ['soc_management']],
      ['sla_escalated', ['soc_management']],
    ]);
  });

  it('fires each warning and the breach once, however often it is asked', async () => {
    const created = new Date(Date.now() - 60 * 60_000);
    const id = await openIncident('high', created);
    await scope((tx) =>
      tx.update(incidents).set({ assigneeUserId: analystId, status: 'assigned' }).where(eq(incidents.id, id)),
    );
    const timer = await timerOf(id, 'resolve'); // high: 8 h, warnings at 50/75/90 %
    const at = (fraction: number) => new Date(created.getTime() + fraction * 8 * 3_600_000);
    expect((await fire(timer.id, at(0.49))).fired).toEqual([]);
    expect((await fire(timer.id, at(0.5))).fired.map((f) => f.event)).toEqual(['warning:0.5']);
    expect((await fire(timer.id, at(0.6))).fired).toEqual([]);
    expect((await fire(timer.id, at(0.75))).fired.map((f) => f.event)).toEqual(['warning:0.75']);
    expect((await fire(timer.id, at(0.9))).fired.map((f) => f.event)).toEqual(['warning:0.9']);
    expect((await fire(timer.id, at(1))).fired.map((f) => f.event)).toEqual(['breach', 'escalation:1']);
    expect((await fire(timer.id, at(1.5))).fired).toEqual([]);
    expect((await firings(timer.id)).map((f) => f.event)).toEqual([
      'warning:0.5',
      'warning:0.75',
      'warning:0.9',
      'breach',
      'escalation:1',
    ]);
    const sent = await mail(id);
    // Warnings and the breach to the assignee; the escalation adds SOC management (the assignee heard once).
    expect(sent.map((m) => [m.kind, m.to])).toEqual([
      ['sla-warning', [`analyst-${analystId.slice(0, 8)}@mssp.test`]],
      ['sla-warning', [`analyst-${analystId.slice(0, 8)}@mssp.test`]],
      ['sla-warning', [`analyst-${analystId.slice(0, 8)}@mssp.test`]],
      ['sla-breach', [`analyst-${analystId.slice(0, 8)}@mssp.test`]],
      ['sla-escalation', ['soc-lead@mssp.test', 'soc-deputy@mssp.test']],
    ]);
    expect((await timerOf(id, 'resolve')).breachedAt).toEqual(at(1));
  });

  it('walks the escalation chain in order, each step to its people, never another tenant', async () => {
    await db.database.db.insert(slaPolicies).values({
      tenantId: tenant.id,
      severity: 'medium',
      assignMinutes: 60,
      resolveMinutes: 120,
      calendar: '24x7',
      warningFractions: [],
      escalation: [
        { timer: 'resolve', afterMinutes: 0, notify: ['soc_management'] },
        { timer: 'resolve', afterMinutes: 30, notify: ['primary'] },
        { timer: 'resolve', afterMinutes: 60, notify: ['escalation'] },
      ],
    });
    const created = new Date(Date.now() - 4 * 3_600_000);
    const id = await openIncident('medium', created);
    const timer = await timerOf(id, 'resolve');
    const due = created.getTime() + 120 * 60_000;
    expect((await fire(timer.id, new Date(due + 31 * 60_000))).fired.map((f) => f.event)).toEqual([
      'breach',
      'escalation:1',
      'escalation:2',
    ]);
    expect((await fire(timer.id, new Date(due + 61 * 60_000))).fired.map((f) => f.event)).toEqual([
      'escalation:3',
    ]);
    expect((await timerOf(id, 'resolve')).nextFireAt).toBeNull();
    const byKey = Object.fromEntries(
      (await mail(id)).map((m) => [m.idempotency_key.split(':').slice(3).join(':'), m]),
    );
    expect(byKey['escalation:1:mssp']).toBeUndefined(); // SOC management already heard the breach in that firing
    expect(byKey['breach:mssp']?.to).toEqual(['soc-lead@mssp.test', 'soc-deputy@mssp.test']);
    expect(byKey['escalation:2:client']?.to).toEqual(['ops@client.test']);
    expect(byKey['escalation:3:client']?.to).toEqual(['ciso@client.test']);
    expect(byKey['escalation:3:client']?.text).toContain(`${PUBLIC_URL}/portal/incidents/${id}`);
    expect((await timeline(id)).map((e) => e.data.event)).toEqual([
      'breach',
      'escalation:1',
      'escalation:2',
      'escalation:3',
    ]);
  });

  it('a breach that fell due while no worker ran fires once when a new worker starts', async () => {
    worker = await startTestWorker(db, JOBS);
    const id = await openIncident('critical', new Date());
    const timer = await timerOf(id, 'assign');
    await worker.stop();
    worker = undefined;
    // The downtime spanned the deadline: move the clock's start back so everything is overdue.
    const past = new Date(Date.now() - 20 * 60_000);
    await scope((tx) =>
      tx
        .update(slaTimers)
        .set({ startedAt: past, dueAt: new Date(past.getTime() + 10 * 60_000), nextFireAt: past })
        .where(eq(slaTimers.id, timer.id)),
    );
    // …and its delayed job (queued for the first warning) is now overdue too.
    await db.query(
      `update pgboss.job set start_after = now() - interval '15 minutes' where data->>'timerId' = $1`,
      [timer.id],
    );
    worker = await startTestWorker(db, JOBS);
    const fired = await waitFor(
      async () => {
        const rows = await firings(timer.id);
        return rows.some((r) => r.event === 'escalation:1') ? rows : undefined;
      },
      { what: 'the overdue breach to fire', timeoutMs: 30_000 },
    );
    // Its own delayed job (5 min ahead) and the sweeper may both look at it later: nothing fires again.
    await fire(timer.id, new Date(Date.now() + 6 * 60_000));
    expect((await firings(timer.id)).map((r) => r.event)).toEqual(fired.map((r) => r.event));
    expect(fired.map((r) => r.event)).toEqual(['breach', 'escalation:1']);
    // Its notice job ran too: one email to SOC management.
    const sent = await waitFor(async () => ((await mail(id)).length > 0 ? mail(id) : undefined), {
      what: 'the breach notice',
    });
    expect(sent.map((m) => m.to)).toEqual([['soc-lead@mssp.test', 'soc-deputy@mssp.test']]);
  });

  it('the sweeper finds overdue timers of every tenant, ids only, and firing them empties the list', async () => {
    const id = await openIncident('critical', new Date(Date.now() - 15 * 60_000));
    const timer = await timerOf(id, 'assign');
    const due = await listDueSlaTimers(db.database.db, 1000);
    expect(due).toContainEqual({ tenantId: tenant.id, timerId: timer.id });
    await fireListedSlaTimers(db.database.db, due);
    expect(await listDueSlaTimers(db.database.db, 1000)).toEqual([]);
    expect((await firings(timer.id)).map((r) => r.event)).toEqual(['breach', 'escalation:1']);
  });

  /** Overdue D3 clocks (critical, unassigned for 11 minutes) in `owner`: breach and escalation:1 each. */
  const overdueClocks = async (owner: SeededTenant, n: number) => {
    const created = new Date(Date.now() - 11 * 60_000);
    const out: { tenantId: string; incidentId: string; timerId: string }[] = [];
    for (let i = 0; i < n; i++) {
      const incidentId = await openIncident('critical', created, owner);
      out.push({ tenantId: owner.id, incidentId, timerId: (await timerOf(incidentId, 'assign')).id });
    }
    return out;
  };
  const notifyJobs = (timerIds: string[]) =>
    db.query<{ tenant: string; timer: string; events: string[] }>(
      `select data->>'tenantId' as tenant, data->>'timerId' as timer, data->'events' as events
         from pgboss.job where name = 'notify-sla-events' and data->>'timerId' = any($1::text[])`,
      [timerIds],
    );
  const tenantOfEvents = (incidentId: string) =>
    db.query<{ tenant_id: string; event: string }>(
      `select tenant_id::text, data->>'event' as event from incident_events
        where incident_id = $1 and kind::text like 'sla_%' order by at`,
      [incidentId],
    );

  it('fires several due timers of two tenants in one batch per tenant: each event once, in its own tenant', async () => {
    const clocks = [...(await overdueClocks(tenant, 3)), ...(await overdueClocks(other, 2))];
    const listed = clocks.map(({ tenantId, timerId }) => ({ tenantId, timerId }));
    expect(await fireListedSlaTimers(db.database.db, listed)).toEqual({ tenants: 2, timers: 5, events: 10 });
    // Asked again (a sibling's delayed job, the sweeper): nothing is due any more, nothing fires twice.
    expect(await fireListedSlaTimers(db.database.db, listed)).toEqual({ tenants: 2, timers: 0, events: 0 });
    for (const c of clocks) {
      expect((await firings(c.timerId)).map((f) => f.event)).toEqual(['breach', 'escalation:1']);
      expect(await tenantOfEvents(c.incidentId)).toEqual([
        { tenant_id: c.tenantId, event: 'breach' },
        { tenant_id: c.tenantId, event: 'escalation:1' },
      ]);
      const [timer] = await db.database.db.select().from(slaTimers).where(eq(slaTimers.id, c.timerId));
      expect(timer?.tenantId).toBe(c.tenantId);
      expect(timer?.breachedAt).not.toBeNull();
      expect(timer?.escalationStep).toBe(1);
    }
    // One notice job per timer, carrying its own tenant.
    const jobs = await notifyJobs(clocks.map((c) => c.timerId));
    expect(jobs.map((j) => [j.tenant, j.timer, j.events]).sort()).toEqual(
      clocks.map((c) => [c.tenantId, c.timerId, ['breach', 'escalation:1']]).sort(),
    );
  });

  it("one timer's delayed job fires its tenant's other due timers too, never another tenant's", async () => {
    const mine = await overdueClocks(tenant, 2);
    const theirs = await overdueClocks(other, 1);
    const ids = [...mine, ...theirs].map((c) => c.timerId);
    // Two firings of the same tenant at once (two fetch loops): the locks split the timers, nothing doubles.
    const results = await Promise.all([
      fireTenantSlaTimers(db.database.db, tenant.id),
      fireTenantSlaTimers(db.database.db, tenant.id),
    ]);
    const fired = results.flatMap((r) => r.fired).filter((f) => ids.includes(f.timerId));
    expect(fired.map((f) => f.timerId).sort()).toEqual(mine.map((c) => c.timerId).sort());
    for (const c of mine) {
      expect((await firings(c.timerId)).map((f) => f.event)).toEqual(['breach', 'escalation:1']);
    }
    for (const c of theirs) expect(await firings(c.timerId)).toEqual([]);
    expect((await notifyJobs(ids)).map((j) => j.timer).sort()).toEqual(mine.map((c) => c.timerId).sort());
  });
});
