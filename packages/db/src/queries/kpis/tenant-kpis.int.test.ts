import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../password';
import { memberships, users } from '../../schema/index';
import { type SeededTenant, seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { incidentKpis } from './incident-kpis';
import { insertTimeline } from './insert-timeline';
import { type KpiRow, type TenantKpisInput, tenantKpis } from './tenant-kpis';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
const analyst1 = crypto.randomUUID();
const analyst2 = crypto.randomUUID();
const analystB = crypto.randomUUID();
let ids: { a: string[]; b: string[] };

const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);
const assign = (when: Date, actorUserId: string | null, to: string | null) => ({
  kind: 'assigned' as const,
  at: when,
  actorUserId,
  data: { from: null, to },
});
const status = (when: Date, actorUserId: string | null, from: string, to: string, reopened = false) => ({
  kind: 'status_changed' as const,
  at: when,
  actorUserId,
  data: { from, to, reopened },
});
const comment = (when: Date, actorUserId: string) => ({
  kind: 'comment_added' as const,
  at: when,
  actorUserId,
  data: { visibility: 'internal' },
});

const W1 = '2026-03-02T00:00:00Z'; // a Monday
const W1B = '2026-03-03T00:00:00Z';
const W2 = '2026-03-10T00:00:00Z';
const W2B = '2026-03-10T12:00:00Z';
const MARCH = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  const passwordHash = await hashPassword('kpi-fixture-password');
  await t.db.insert(users).values([
    { id: analyst1, email: `a1-${analyst1}@kpi.test`, name: 'Ana One', passwordHash, kind: 'staff' },
    { id: analyst2, email: `a2-${analyst2}@kpi.test`, name: 'Bo Two', passwordHash, kind: 'staff' },
    { id: analystB, email: `ab-${analystB}@kpi.test`, name: 'Cy Bee', passwordHash, kind: 'staff' },
  ]);
  await t.db.insert(memberships).values([
    { tenantId: a.id, userId: analyst1, role: 'analyst' },
    { tenantId: a.id, userId: analyst2, role: 'analyst' },
    { tenantId: b.id, userId: analystB, role: 'analyst' },
  ]);
  ids = {
    a: await insertTimeline(t.db, a.id, [
      {
        // assign 300 s, response 300 s, resolve 3600 s
        number: 1,
        severity: 'critical',
        status: 'resolved',
        assigneeUserId: analyst1,
        createdAt: at(W1),
        events: [
          assign(at(W1, 300), analyst1, analyst1),
          status(at(W1, 300), analyst1, 'new', 'assigned'),
          status(at(W1, 600), analyst1, 'assigned', 'in_progress'),
          status(at(W1, 3600), analyst1, 'in_progress', 'resolved'),
          status(at(W1, 4000), analyst1, 'resolved', 'closed'),
        ],
        sla: [
          { kind: 'assign', state: 'met', targetMinutes: 15, metAt: at(W1, 300) },
          { kind: 'resolve', state: 'met', targetMinutes: 240, metAt: at(W1, 3600) },
        ],
      },
      {
        // a playbook assigns at 120 s (no response), a comment at 900 s; waits on the client
        // 1000–3000 s; resolved 7200 s, reopened, resolved again at 10000 s
        number: 2,
        severity: 'high',
        status: 'resolved',
        assigneeUserId: analyst1,
        createdAt: at(W1B),
        events: [
          assign(at(W1B, 120), null, analyst1),
          comment(at(W1B, 900), analyst1),
          // 2000 s waiting on the client
          status(at(W1B, 1000), analyst1, 'assigned', 'waiting_on_client'),
          status(at(W1B, 3000), null, 'waiting_on_client', 'in_progress'),
          status(at(W1B, 7200), analyst1, 'in_progress', 'resolved'),
          status(at(W1B, 8000), analyst2, 'resolved', 'in_progress', true),
          status(at(W1B, 10000), analyst1, 'in_progress', 'resolved'),
        ],
        // the first round of the resolve clock breached; the round after the reopen was met
        sla: [
          { kind: 'assign', state: 'met', targetMinutes: 30, metAt: at(W1B, 120) },
          {
            kind: 'resolve',
            state: 'met',
            targetMinutes: 60,
            metAt: at(W1B, 10000),
            round: 1,
            breachRounds: [0],
          },
        ],
      },
      {
        // assigned after 60 s, still open
        number: 3,
        severity: 'critical',
        status: 'assigned',
        assigneeUserId: analyst2,
        createdAt: at(W2),
        events: [assign(at(W2, 60), analyst2, analyst2)],
        sla: [
          { kind: 'assign', state: 'met', targetMinutes: 15, metAt: at(W2, 60) },
          { kind: 'resolve', state: 'running', targetMinutes: 240 },
        ],
      },
      {
        // untouched, and an unassignment is no assignment
        number: 4,
        severity: 'low',
        status: 'new',
        assigneeUserId: null,
        createdAt: at(W2B),
        events: [assign(at(W2B, 30), analyst1, null)],
        sla: [
          { kind: 'assign', state: 'running', targetMinutes: 60, breachedAt: at(W2B, 3600) },
          { kind: 'resolve', state: 'stopped', targetMinutes: 600 },
        ],
      },
      {
        // outside March
        number: 5,
        severity: 'critical',
        status: 'new',
        assigneeUserId: null,
        createdAt: at('2026-04-01T00:00:00Z'),
        events: [],
      },
    ]),
    b: await insertTimeline(t.db, b.id, [
      {
        number: 1,
        severity: 'critical',
        status: 'resolved',
        assigneeUserId: analystB,
        createdAt: at(W1),
        events: [
          assign(at(W1, 30), analystB, analystB),
          status(at(W1, 100), analystB, 'assigned', 'resolved'),
        ],
        sla: [{ kind: 'assign', state: 'met', targetMinutes: 1, metAt: at(W1, 30) }],
      },
    ]),
  };
});

const kpis = (scope: string[], input: Partial<TenantKpisInput> = {}) =>
  withTenantOn(t.app.db, scope, (tx) => tenantKpis(tx, { ...MARCH, ...input }));

const stats = (count: number, mean: number | null, median: number | null, p90: number | null) => ({
  count,
  mean,
  median,
  p90,
});

describe('tenantKpis', () => {
  it('computes count, mean, median and p90 from the timeline', async () => {
    const [total, ...rest] = await kpis([a.id]);
    expect(rest).toEqual([]);
    expect(total).toEqual<KpiRow>({
      tenantId: null,
      tenantName: null,
      severity: null,
      analystUserId: null,
      analystName: null,
      period: null,
      incidents: 4,
      open: 2,
      resolved: 2,
      reopened: 1,
      // [60, 120, 300]: p90 = 120 + 0.8 × 180
      timeToAssign: stats(3, 160, 120, 264),
      // [60, 300, 900]: the playbook's assignment is not a response
      timeToFirstResponse: stats(3, 420, 300, 780),
      // [3600, 7200]: the first resolution counts, not the one after the reopen
      timeToResolve: stats(2, 5400, 5400, 6840),
      // [3600, 7200 − 2000]
      timeToResolveNet: stats(2, 4400, 4400, 5040),
      // incident 4's assign clock breached; its resolve clock was stopped (no outcome)
      slaAssign: { met: 3, breached: 1, running: 0, compliance: 0.75 },
      // incident 2's breach in the round before the reopen still counts
      slaResolve: { met: 1, breached: 1, running: 1, compliance: 0.5 },
    });
  });

  it('buckets by week of creation', async () => {
    const rows = await kpis([a.id], { groupBy: ['week'] });
    expect(rows.map((r) => [r.period, r.incidents, r.timeToAssign, r.timeToResolve.median])).toEqual([
      ['2026-03-02', 2, stats(2, 210, 210, 282), 5400],
      ['2026-03-09', 2, stats(1, 60, 60, 60), null],
    ]);
  });

  it('buckets days in the requested time zone', async () => {
    const rows = await kpis([a.id], { groupBy: ['day'], timeZone: 'America/New_York' });
    expect(rows.map((r) => [r.period, r.incidents])).toEqual([
      ['2026-03-01', 1], // 2026-03-02T00:00Z is the evening before in New York
      ['2026-03-02', 1],
      ['2026-03-09', 1],
      ['2026-03-10', 1],
    ]);
  });

  it('groups per analyst (the current assignee) and severity', async () => {
    const rows = await kpis([a.id], { groupBy: ['analyst', 'severity'] });
    expect(
      rows.map((r) => [
        r.analystName,
        r.severity,
        r.incidents,
        r.timeToFirstResponse.mean,
        r.timeToResolve.mean,
      ]),
    ).toEqual([
      [null, 'low', 1, null, null],
      ['Ana One', 'critical', 1, 300, 3600],
      ['Ana One', 'high', 1, 900, 7200],
      ['Bo Two', 'critical', 1, 60, null],
    ]);
    const one = await kpis([a.id], { analystUserId: analyst1 });
    expect(one.map((r) => [r.incidents, r.timeToAssign.mean])).toEqual([[2, 210]]);
    const none = await kpis([a.id], { analystUserId: 'unassigned' });
    expect(none.map((r) => [r.incidents, r.timeToAssign.count])).toEqual([[1, 0]]);
  });

  it('compares tenants, filtered by severity', async () => {
    const rows = await kpis([a.id, b.id], { groupBy: ['tenant'], severity: ['critical'] });
    const byTenant = new Map(rows.map((r) => [r.tenantId, r]));
    expect(byTenant.size).toBe(2);
    expect(byTenant.get(a.id)).toMatchObject({ tenantName: a.name, incidents: 2, resolved: 1 });
    expect(byTenant.get(b.id)).toMatchObject({
      tenantName: b.name,
      incidents: 1,
      timeToAssign: stats(1, 30, 30, 30),
      timeToResolve: stats(1, 100, 100, 100),
      slaAssign: { met: 1, breached: 0, running: 0, compliance: 1 },
      slaResolve: { met: 0, breached: 0, running: 0, compliance: null },
    });
  });

  it('sees only the scope, whatever tenantIds asks for', async () => {
    const rows = await kpis([a.id], { tenantIds: [a.id, b.id], groupBy: ['tenant'] });
    expect(rows.map((r) => r.tenantId)).toEqual([a.id]);
    expect(await kpis([a.id], { tenantIds: [b.id] })).toEqual([]);
    expect(await kpis([])).toEqual([]);
  });

  it('rejects bad input', async () => {
    await expect(kpis([a.id], { from: MARCH.to, to: MARCH.from })).rejects.toThrow(/from must be before to/);
    await expect(kpis([a.id], { groupBy: ['day', 'week'] })).rejects.toThrow(/at most one period/);
    await expect(kpis([a.id], { timeZone: 'Mars/Olympus' })).rejects.toThrow(/unknown time zone/);
    await expect(kpis([a.id], { from: new Date('2020-01-01T00:00:00Z') })).rejects.toThrow(
      /more than 1100 days/,
    );
  });
});

describe('incidentKpis', () => {
  it('gives one incident its instants, reopen count and durations', async () => {
    const id = ids.a[1] as string;
    const k = await withTenantOn(t.app.db, a.id, (tx) => incidentKpis(tx, id));
    expect(k).toEqual({
      incidentId: id,
      createdAt: at(W1B),
      assignedAt: at(W1B, 120),
      firstResponseAt: at(W1B, 900),
      resolvedAt: at(W1B, 7200),
      finalResolvedAt: at(W1B, 10000),
      reopenCount: 1,
      timeToAssign: 120,
      timeToFirstResponse: 900,
      timeToResolve: 7200,
      clientWaitSeconds: 2000,
      timeToResolveNet: 5200,
      sla: [
        {
          kind: 'assign',
          outcome: 'met',
          targetMinutes: 30,
          dueAt: at(W1B, 1800),
          metAt: at(W1B, 120),
          breachedAt: null,
          pausedSeconds: 0,
        },
        {
          kind: 'resolve',
          outcome: 'breached',
          targetMinutes: 60,
          dueAt: at(W1B, 3600),
          metAt: at(W1B, 10000),
          breachedAt: null,
          pausedSeconds: 0,
        },
      ],
    });
  });

  it('closing after resolving is not a second resolution; open incidents have no resolution', async () => {
    const closed = await withTenantOn(t.app.db, a.id, (tx) => incidentKpis(tx, ids.a[0] as string));
    expect([closed.resolvedAt, closed.finalResolvedAt]).toEqual([at(W1, 3600), at(W1, 3600)]);
    const open = await withTenantOn(t.app.db, a.id, (tx) => incidentKpis(tx, ids.a[3] as string));
    expect(open).toMatchObject({
      assignedAt: null,
      firstResponseAt: null,
      resolvedAt: null,
      timeToResolve: null,
    });
  });

  it("does not find another tenant's incident", async () => {
    await expect(withTenantOn(t.app.db, a.id, (tx) => incidentKpis(tx, ids.b[0] as string))).rejects.toThrow(
      /incident not found/,
    );
  });
});
