import { reconcileIncidentSla } from '@palisade/db/queries/sla/reconcile-incident-sla';
import { auditLog, incidents, slaTimers } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let incidentId: string;
const created = new Date(Date.now() - 60_000);

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  incidentId = crypto.randomUUID();
  await withTenant(fx.a.id, async (tx) => {
    await tx.insert(incidents).values({
      tenantId: fx.a.id,
      id: incidentId,
      number: 1,
      title: 'low and slow',
      severity: 'low',
      priority: 'p4',
      firstAlertAt: created,
      lastAlertAt: created,
      createdAt: created,
    });
    await reconcileIncidentSla(tx, fx.a.id, incidentId);
  });
});

const POLICY = {
  severity: 'low' as const,
  enabled: true,
  assignMinutes: 30,
  resolveMinutes: 120,
  calendar: '24x7' as const,
  warningFractions: [0.9, 0.5],
  escalation: [
    { timer: 'resolve' as const, afterMinutes: 60, notify: ['escalation' as const] },
    { timer: 'resolve' as const, afterMinutes: 0, notify: ['soc_management' as const] },
  ],
};

describe('SLA settings procedures', () => {
  it('refuses invalid policies and calendars with a clear 400, writing nothing', async () => {
    const admin = await callerFor(fx.admin);
    await expect(
      admin.sla.savePolicy({ tenantId: fx.a.id, policy: { ...POLICY, warningFractions: [1.5] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.sla.savePolicy({ tenantId: fx.a.id, policy: { ...POLICY, assignMinutes: 0 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const overlapping = {
      1: [['09:00', '13:00'] as [string, string], ['12:00', '17:00'] as [string, string]],
      2: [],
      3: [],
      4: [],
      5: [],
      6: [],
      7: [],
    };
    await expect(
      admin.sla.saveBusinessHours({ tenantId: fx.a.id, weeklyHours: overlapping }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const closed = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    await expect(
      admin.sla.saveBusinessHours({ tenantId: fx.a.id, weeklyHours: closed }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await admin.sla.settings({ tenantId: fx.a.id })).policies.every((p) => !p.custom)).toBe(true);
  });

  it('a saved policy re-evaluates the running clocks of its severity, sorted, and is audited', async () => {
    const admin = await callerFor(fx.admin);
    const saved = await admin.sla.savePolicy({ tenantId: fx.a.id, policy: POLICY });
    expect(saved.reevaluated).toBe(1);
    expect(saved.policy.warningFractions).toEqual([0.5, 0.9]);
    expect(saved.policy.escalation.map((s) => s.afterMinutes)).toEqual([0, 60]);
    const [assign] = await t.db
      .select()
      .from(slaTimers)
      .where(and(eq(slaTimers.incidentId, incidentId), eq(slaTimers.kind, 'assign')));
    expect(assign).toMatchObject({ targetMinutes: 30, calendar: '24x7' });
    expect(assign?.dueAt.getTime()).toBe(created.getTime() + 30 * 60_000);
    const audit = await t.db
      .select({ action: auditLog.action, target: auditLog.target, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, fx.a.id), eq(auditLog.action, 'sla.save_policy')));
    expect(audit).toEqual([{ action: 'sla.save_policy', target: 'sla_policy:low', actor: fx.admin.id }]);
  });

  it('the portal status shows the client its open clocks and compliance', async () => {
    const client = await callerFor(fx.clientA);
    const status = await client.sla.status({ tenantId: fx.a.id });
    expect(status.open.map((o) => [o.reference, o.kind])).toEqual([
      ['INC-000001', 'assign'],
      ['INC-000001', 'resolve'],
    ]);
    expect(status.compliance.assign).toEqual({ met: 0, breached: 0, running: 1, rate: null });
    expect(status.breaches).toEqual([]);
  });
});
