import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Severity } from '../../schema/index';
import { incidents, slaHolidays, slaPolicies, slaTimers, tenants, users } from '../../schema/index';
import type { SeededTenant } from '../../seed-tenants';
import { seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { assignIncident } from '../incidents/assign-incident';
import { setIncidentSeverity } from '../incidents/set-incident-severity';
import { setIncidentStatus } from '../incidents/set-incident-status';
import { incidentsNeedingSla, reconcileIncidentSla } from './reconcile-incident-sla';
import { startIncidentSla, stopIncidentSla } from './start-stop-sla';

const t = useTestDatabase();
let tenant: SeededTenant;
let analystId: string;
let number = 0;

beforeAll(async () => {
  [tenant] = (await seedTenants(t.db, 1)) as [SeededTenant];
  await t.db.update(tenants).set({ timezone: 'Europe/Berlin' }).where(eq(tenants.id, tenant.id));
  analystId = crypto.randomUUID();
  await t.db.insert(users).values({
    id: analystId,
    email: `analyst-${analystId.slice(0, 8)}@mssp.test`,
    name: 'Ana Lyst',
    passwordHash: 'x',
    kind: 'staff',
  });
});

const scope = <T>(fn: Parameters<typeof withTenantOn<T>>[2]) => withTenantOn(t.app.db, tenant.id, fn);

async function incident(severity: Severity, createdAt: Date): Promise<string> {
  const id = crypto.randomUUID();
  await t.db.insert(incidents).values({
    tenantId: tenant.id,
    id,
    number: ++number,
    title: `sla ${severity}`,
    severity,
    priority: 'p2',
    firstAlertAt: createdAt,
    lastAlertAt: createdAt,
    createdAt,
  });
  return id;
}

const timers = (incidentId: string) =>
  t.db
    .select()
    .from(slaTimers)
    .where(and(eq(slaTimers.tenantId, tenant.id), eq(slaTimers.incidentId, incidentId)))
    .orderBy(slaTimers.kind);

describe('SLA reconciliation', () => {
  it('starts timers from the default policy by severity (D3: critical unassigned → 10 minutes)', async () => {
    const created = new Date('2026-06-03T10:00:00Z');
    const id = await incident('critical', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, created));
    const [assign, resolve] = await timers(id);
    expect(assign).toMatchObject({ kind: 'assign', state: 'running', targetMinutes: 10, calendar: '24x7' });
    expect(assign?.dueAt).toEqual(new Date('2026-06-03T10:10:00Z'));
    // The first warning (50 %) is the next thing to fire.
    expect(assign?.nextFireAt).toEqual(new Date('2026-06-03T10:05:00Z'));
    expect(assign?.escalation).toEqual([{ timer: 'assign', afterMinutes: 0, notify: ['soc_management'] }]);
    expect(resolve?.dueAt).toEqual(new Date('2026-06-03T14:00:00Z'));
  });

  it('counts business hours in the tenant timezone, skipping weekends and holidays', async () => {
    await t.db.insert(slaHolidays).values({ tenantId: tenant.id, day: '2026-06-08', name: 'Whit Monday' });
    // Friday 16:00 Berlin; medium: assign in 2 business hours → Friday 1 h + (Monday is a holiday) Tuesday 1 h.
    const created = new Date('2026-06-05T14:00:00Z');
    const id = await incident('medium', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, created));
    const [assign] = await timers(id);
    expect(assign).toMatchObject({ calendar: 'business_hours', targetMinutes: 120 });
    expect(assign?.dueAt).toEqual(new Date('2026-06-09T08:00:00Z'));
  });

  it('a saved policy replaces the default for its severity', async () => {
    await t.db.insert(slaPolicies).values({
      tenantId: tenant.id,
      severity: 'low',
      assignMinutes: 30,
      resolveMinutes: 90,
      calendar: '24x7',
      warningFractions: [0.5],
      escalation: [],
    });
    const created = new Date('2026-06-03T10:00:00Z');
    const id = await incident('low', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, created));
    expect((await timers(id)).map((x) => [x.kind, x.dueAt.toISOString()])).toEqual([
      ['assign', '2026-06-03T10:30:00.000Z'],
      ['resolve', '2026-06-03T11:30:00.000Z'],
    ]);
  });

  it('info has no SLA by default: no timers', async () => {
    const id = await incident('info', new Date());
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id));
    expect(await timers(id)).toEqual([]);
  });

  it('assigning meets the assign timer, resolving the resolve timer, a reopen restarts resolve', async () => {
    const id = await incident('high', new Date(Date.now() - 60_000));
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id));
    await scope((tx) =>
      assignIncident(tx, { incidentId: id, assigneeUserId: analystId, actorUserId: analystId }),
    );
    let [assign, resolve] = await timers(id);
    expect(assign).toMatchObject({ state: 'met', breachedAt: null, nextFireAt: null });
    expect(assign?.metAt).not.toBeNull();
    expect(resolve?.state).toBe('running');

    await scope((tx) =>
      setIncidentStatus(tx, { incidentId: id, status: 'resolved', actorUserId: analystId }),
    );
    [, resolve] = await timers(id);
    expect(resolve).toMatchObject({ state: 'met', round: 0, nextFireAt: null });

    await scope((tx) =>
      setIncidentStatus(tx, { incidentId: id, status: 'in_progress', actorUserId: analystId }),
    );
    [assign, resolve] = await timers(id);
    expect(assign?.state).toBe('met');
    expect(resolve).toMatchObject({ state: 'running', round: 1, metAt: null, breachedAt: null });
    expect(resolve?.startedAt.getTime()).toBeGreaterThan(resolve?.metAt?.getTime() ?? 0);
  });

  it('waiting on the client pauses the clocks; resuming pushes the deadline by the pause', async () => {
    const created = new Date('2026-06-03T10:00:00Z');
    const id = await incident('critical', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, created));
    await t.db.update(incidents).set({ status: 'waiting_on_client' }).where(eq(incidents.id, id));
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, new Date('2026-06-03T10:02:00Z')));
    let [assign, resolve] = await timers(id);
    expect(assign).toMatchObject({ state: 'paused', nextFireAt: null });
    expect(resolve?.pausedAt).toEqual(new Date('2026-06-03T10:02:00Z'));

    await t.db.update(incidents).set({ status: 'in_progress' }).where(eq(incidents.id, id));
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, new Date('2026-06-03T10:32:00Z')));
    [assign, resolve] = await timers(id);
    expect(assign).toMatchObject({ state: 'running', pausedSeconds: 1800, pausedAt: null });
    expect(assign?.dueAt).toEqual(new Date('2026-06-03T10:40:00Z'));
    expect(resolve?.dueAt).toEqual(new Date('2026-06-03T14:30:00Z'));
  });

  it('the waiting_on_client status drives the pause through setIncidentStatus', async () => {
    const id = await incident('high', new Date());
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id));
    await scope((tx) =>
      setIncidentStatus(tx, { incidentId: id, status: 'waiting_on_client', actorUserId: null }),
    );
    expect((await timers(id)).map((x) => x.state)).toEqual(['paused', 'paused']);
    await scope((tx) => setIncidentStatus(tx, { incidentId: id, status: 'in_progress', actorUserId: null }));
    expect((await timers(id)).map((x) => x.state)).toEqual(['running', 'running']);
  });

  it('a severity change re-evaluates the deadlines from the same start', async () => {
    const created = new Date(Date.now() - 5 * 60_000);
    const id = await incident('low', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id));
    await scope((tx) => setIncidentSeverity(tx, { incidentId: id, severity: 'critical', actorUserId: null }));
    const [assign, resolve] = await timers(id);
    expect(assign).toMatchObject({ severity: 'critical', targetMinutes: 10, calendar: '24x7' });
    expect(assign?.startedAt.getTime()).toBe(created.getTime());
    expect(assign?.dueAt.getTime()).toBe(created.getTime() + 10 * 60_000);
    expect(resolve?.targetMinutes).toBe(240);

    // To a severity without an SLA: the clocks stop; back: they run again from the original start.
    await scope((tx) => setIncidentSeverity(tx, { incidentId: id, severity: 'info', actorUserId: null }));
    expect((await timers(id)).map((x) => [x.state, x.stoppedReason])).toEqual([
      ['stopped', 'no_policy'],
      ['stopped', 'no_policy'],
    ]);
    await scope((tx) => setIncidentSeverity(tx, { incidentId: id, severity: 'high', actorUserId: null }));
    expect((await timers(id)).map((x) => x.state)).toEqual(['running', 'running']);
  });

  it('meeting a timer after its deadline records the breach even if no notice had fired', async () => {
    const created = new Date(Date.now() - 30 * 60_000);
    const id = await incident('critical', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id, created));
    await scope((tx) => assignIncident(tx, { incidentId: id, assigneeUserId: analystId, actorUserId: null }));
    const [assign] = await timers(id);
    expect(assign?.state).toBe('met');
    expect(assign?.breachedAt).toEqual(new Date(created.getTime() + 10 * 60_000));
  });

  it('sla.stop stops the clocks until sla.start; sla.start may name another severity', async () => {
    const created = new Date(Date.now() - 60_000);
    const id = await incident('medium', created);
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, id));
    expect(await scope((tx) => stopIncidentSla(tx, tenant.id, id, ['resolve']))).toBe(1);
    await scope((tx) => setIncidentStatus(tx, { incidentId: id, status: 'in_progress', actorUserId: null }));
    expect((await timers(id)).map((x) => [x.kind, x.state, x.stoppedReason])).toEqual([
      ['assign', 'running', null],
      ['resolve', 'stopped', 'playbook'],
    ]);
    // The incident's own severity is no override; another one is, and survives later reconciles.
    await scope((tx) => startIncidentSla(tx, tenant.id, id, 'medium'));
    expect((await timers(id)).map((x) => [x.state, x.severityOverride])).toEqual([
      ['running', null],
      ['running', null],
    ]);
    await scope((tx) => startIncidentSla(tx, tenant.id, id, 'critical'));
    await scope((tx) =>
      setIncidentStatus(tx, { incidentId: id, status: 'waiting_on_client', actorUserId: null }),
    );
    const [assign] = await timers(id);
    expect(assign).toMatchObject({ severity: 'critical', severityOverride: 'critical', targetMinutes: 10 });
    expect(await scope((tx) => stopIncidentSla(tx, tenant.id, id, ['assign', 'resolve']))).toBe(2);
  });

  it('after alerts join, only incidents whose severity moved (or without clocks) need a reconcile', async () => {
    const same = await incident('high', new Date());
    const raised = await incident('medium', new Date());
    const bare = await incident('low', new Date());
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, same));
    await scope((tx) => reconcileIncidentSla(tx, tenant.id, raised));
    await t.db.update(incidents).set({ severity: 'critical' }).where(eq(incidents.id, raised));
    const ids = await scope((tx) => incidentsNeedingSla(tx, tenant.id, [same, raised, bare]));
    expect(ids.sort()).toEqual([raised, bare].sort());
  });
});
