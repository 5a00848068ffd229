import { beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../schema/index';
import { type SeededTenant, seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { consoleOverview } from './console-overview';
import { insertTimeline } from './insert-timeline';
import { portalOverview } from './portal-overview';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
let idsA: string[];

const DAY = '2026-05-04T00:00:00Z';
const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);
const resolve = (when: Date) => ({
  kind: 'status_changed' as const,
  at: when,
  actorUserId: null,
  data: { from: 'in_progress', to: 'resolved', reopened: false },
});

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  idsA = await insertTimeline(t.db, a.id, [
    // unassigned critical, its assign clock breached today
    {
      number: 1,
      severity: 'critical',
      status: 'new',
      assigneeUserId: null,
      createdAt: at(DAY, -3600),
      events: [],
      sla: [{ kind: 'assign', state: 'running', targetMinutes: 10, breachedAt: at(DAY, 600) }],
    },
    // high, waiting on the client (paused clock)
    {
      number: 2,
      severity: 'high',
      status: 'waiting_on_client',
      assigneeUserId: null,
      createdAt: at(DAY, -7200),
      events: [],
      sla: [{ kind: 'resolve', state: 'paused', targetMinutes: 240 }],
    },
    // medium, open, running; breached yesterday (not today)
    {
      number: 3,
      severity: 'medium',
      status: 'in_progress',
      assigneeUserId: null,
      createdAt: at(DAY, -200_000),
      events: [],
      sla: [{ kind: 'resolve', state: 'running', targetMinutes: 60, breachedAt: at(DAY, -100_000) }],
    },
    // resolved today, and one resolved before the month
    {
      number: 4,
      severity: 'low',
      status: 'resolved',
      assigneeUserId: null,
      createdAt: at(DAY, -100),
      events: [resolve(at(DAY, 60))],
    },
    {
      number: 5,
      severity: 'low',
      status: 'closed',
      assigneeUserId: null,
      createdAt: at('2026-04-20T00:00:00Z'),
      events: [resolve(at('2026-04-21T00:00:00Z'))],
    },
  ]);
  await insertTimeline(t.db, b.id, [
    {
      number: 1,
      severity: 'critical',
      status: 'new',
      assigneeUserId: null,
      createdAt: at(DAY),
      events: [],
      sla: [{ kind: 'assign', state: 'running', targetMinutes: 10, breachedAt: at(DAY, 600) }],
    },
  ]);
  await t.db.insert(reports).values([
    {
      tenantId: a.id,
      kind: 'incident',
      subject: `incident:${idsA[3]}`,
      version: 1,
      incidentId: idsA[3] as string,
      title: 'INC-000004 report',
      status: 'ready',
      completedAt: at(DAY, 120),
    },
    {
      tenantId: a.id,
      kind: 'incident',
      subject: `incident:${idsA[0]}`,
      version: 1,
      incidentId: idsA[0] as string,
      title: 'still rendering',
      status: 'rendering',
    },
  ]);
});

describe('consoleOverview', () => {
  it('counts open incidents per tenant and severity, urgent unassigned ones and breaches today', async () => {
    const o = await withTenantOn(t.app.db, [a.id, b.id], (tx) => consoleOverview(tx, { since: at(DAY) }));
    const ofA = o.openByTenant.find((r) => r.tenantId === a.id);
    expect(ofA).toEqual({
      tenantId: a.id,
      tenantName: a.name,
      total: 3,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
    });
    expect(o.openByTenant).toHaveLength(2);
    expect(o.unassignedUrgent.total).toBe(3);
    // oldest first: A's high (−2 h), A's critical (−1 h), B's critical
    expect(o.unassignedUrgent.items.map((i) => i.reference)).toEqual([
      'INC-000002',
      'INC-000001',
      'INC-000001',
    ]);
    expect(o.breachesToday.total).toBe(2);
    expect(new Set(o.breachesToday.items.map((i) => i.tenantId))).toEqual(new Set([a.id, b.id]));
  });

  it('stays inside the scope and honours the tenant filter', async () => {
    const onlyA = await withTenantOn(t.app.db, a.id, (tx) =>
      consoleOverview(tx, { since: at(DAY), tenantIds: [a.id, b.id] }),
    );
    expect(onlyA.openByTenant.map((r) => r.tenantId)).toEqual([a.id]);
    expect(onlyA.breachesToday.items.map((i) => i.reference)).toEqual(['INC-000001']);
    const limited = await withTenantOn(t.app.db, [a.id, b.id], (tx) =>
      consoleOverview(tx, { since: at(DAY), limit: 1 }),
    );
    expect([limited.unassignedUrgent.total, limited.unassignedUrgent.items.length]).toEqual([3, 1]);
  });
});

describe('portalOverview', () => {
  it("starts the month in the tenant's time zone", async () => {
    // 2026-04-30 23:00 in New York is already May in UTC: April's resolution of incident 5 counts.
    const o = await withTenantOn(t.app.db, a.id, (tx) =>
      portalOverview(tx, { now: new Date('2026-05-01T03:00:00Z'), timeZone: 'America/New_York' }),
    );
    expect(o.monthStart).toEqual(new Date('2026-04-01T04:00:00Z'));
    expect(o.resolvedThisMonth).toBe(2);
  });

  it("summarizes the client's own tenant", async () => {
    const o = await withTenantOn(t.app.db, a.id, (tx) =>
      portalOverview(tx, { now: at(DAY, 3600), timeZone: 'UTC' }),
    );
    expect(o).toEqual({
      openBySeverity: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
      openTotal: 3,
      awaitingClient: 1,
      monthStart: new Date('2026-05-01T00:00:00Z'),
      resolvedThisMonth: 1,
      sla: { running: 2, paused: 1, breached: 2 },
      latestReports: [
        { id: expect.any(String), title: 'INC-000004 report', kind: 'incident', completedAt: at(DAY, 120) },
      ],
    });
  });
});
