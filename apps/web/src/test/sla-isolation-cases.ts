import { reconcileIncidentSla } from '@palisade/db/queries/sla/reconcile-incident-sla';
import { incidents } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The sla.* rows of the isolation suite. Fixtures (one critical incident with running clocks per
// tenant) are written through withTenant, without audit entries; positive writes run on tenant C.
let seeded: Promise<Record<string, string>> | undefined;
function slaIncidents(fx: Fixtures): Promise<Record<string, string>> {
  seeded ??= (async () => {
    const ids: Record<string, string> = {};
    for (const tenantId of [fx.a.id, fx.b.id, fx.c.id]) {
      const id = crypto.randomUUID();
      const now = new Date();
      await withTenant(tenantId, async (tx) => {
        await tx.insert(incidents).values({
          tenantId,
          id,
          number: 990_001,
          title: 'sla-iso',
          severity: 'critical',
          priority: 'p1',
          firstAlertAt: now,
          lastAlertAt: now,
        });
        await reconcileIncidentSla(tx, tenantId, id);
      });
      ids[tenantId] = id;
    }
    return ids;
  })();
  return seeded;
}

const POLICY = {
  severity: 'low' as const,
  enabled: true,
  assignMinutes: 60,
  resolveMinutes: 600,
  calendar: '24x7' as const,
  warningFractions: [0.5],
  escalation: [{ timer: 'resolve' as const, afterMinutes: 0, notify: ['soc_management' as const] }],
};
const WEEK = {
  1: [['08:00', '18:00'] as [string, string]],
  2: [['08:00', '18:00'] as [string, string]],
  3: [['08:00', '18:00'] as [string, string]],
  4: [['08:00', '18:00'] as [string, string]],
  5: [['08:00', '12:00'] as [string, string], ['13:00', '17:00'] as [string, string]],
  6: [],
  7: [],
};
const HOLIDAY = { day: '2026-12-24', name: 'Christmas Eve' };

/** Client A on B's tenant: NOT_FOUND; client A and analysts on A: FORBIDDEN (admin-only writes). */
const adminWrite = (
  call: (c: Parameters<Case['call']>[0], tenantId: string) => Promise<unknown>,
): Pick<Case, 'crossTenant'> => ({
  crossTenant: async ({ clientA, analyst }, fx) => {
    await expect(call(clientA, fx.b.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(call(clientA, fx.a.id)).rejects.toMatchObject(FORBIDDEN);
    await expect(call(analyst, fx.a.id)).rejects.toMatchObject(FORBIDDEN);
  },
});

export const SLA_CASES = {
  'sla.settings': {
    call: (c, fx) => c.sla.settings({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.sla.settings({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.sla.settings({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const got = await analyst.sla.settings({ tenantId: fx.a.id });
      expect(got.policies.map((p) => p.severity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
      expect(got.policies[0]).toMatchObject({ assignMinutes: 10, custom: false });
    },
  },
  'sla.savePolicy': {
    call: (c, fx) => c.sla.savePolicy({ tenantId: fx.a.id, policy: POLICY }),
    ...adminWrite((c, tenantId) => c.sla.savePolicy({ tenantId, policy: POLICY })),
    positive: async ({ admin }, fx) => {
      await admin.sla.savePolicy({ tenantId: fx.c.id, policy: POLICY });
      const c = await admin.sla.settings({ tenantId: fx.c.id });
      expect(c.policies.find((p) => p.severity === 'low')).toMatchObject({ assignMinutes: 60, custom: true });
      const b = await admin.sla.settings({ tenantId: fx.b.id });
      expect(b.policies.find((p) => p.severity === 'low')?.custom).toBe(false);
    },
  },
  'sla.saveBusinessHours': {
    call: (c, fx) => c.sla.saveBusinessHours({ tenantId: fx.a.id, weeklyHours: WEEK }),
    ...adminWrite((c, tenantId) => c.sla.saveBusinessHours({ tenantId, weeklyHours: WEEK })),
    positive: async ({ admin }, fx) => {
      await admin.sla.saveBusinessHours({ tenantId: fx.c.id, weeklyHours: WEEK });
      expect((await admin.sla.settings({ tenantId: fx.c.id })).weeklyHours).toEqual(WEEK);
      expect((await admin.sla.settings({ tenantId: fx.b.id })).customHours).toBe(false);
    },
  },
  'sla.addHoliday': {
    call: (c, fx) => c.sla.addHoliday({ tenantId: fx.a.id, holiday: HOLIDAY }),
    ...adminWrite((c, tenantId) => c.sla.addHoliday({ tenantId, holiday: HOLIDAY })),
    positive: async ({ admin }, fx) => {
      await admin.sla.addHoliday({ tenantId: fx.c.id, holiday: HOLIDAY });
      expect((await admin.sla.settings({ tenantId: fx.c.id })).holidays).toContain(HOLIDAY.day);
      expect((await admin.sla.settings({ tenantId: fx.b.id })).holidays).toEqual([]);
    },
  },
  'sla.removeHoliday': {
    call: (c, fx) => c.sla.removeHoliday({ tenantId: fx.a.id, day: HOLIDAY.day }),
    ...adminWrite((c, tenantId) => c.sla.removeHoliday({ tenantId, day: HOLIDAY.day })),
    positive: async ({ admin }, fx) => {
      await admin.sla.addHoliday({ tenantId: fx.c.id, holiday: { day: '2026-12-31', name: 'New Year Eve' } });
      await admin.sla.removeHoliday({ tenantId: fx.c.id, day: '2026-12-31' });
      expect((await admin.sla.settings({ tenantId: fx.c.id })).holidays).not.toContain('2026-12-31');
      await expect(admin.sla.removeHoliday({ tenantId: fx.c.id, day: '2026-12-31' })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
  },
  'sla.status': {
    call: (c, fx) => c.sla.status({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.sla.status({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      const ids = await slaIncidents(fx);
      const got = await clientA.sla.status({ tenantId: fx.a.id });
      const incidentIds = got.open.map((o) => o.incidentId);
      expect(incidentIds).toContain(ids[fx.a.id]);
      expect(incidentIds).not.toContain(ids[fx.b.id]);
      expect(got.open.every((o) => o.tenantId === fx.a.id)).toBe(true);
    },
  },
  'sla.clocks': {
    call: (c, fx) => c.sla.clocks({ incidentIds: [fx.a.id] }),
    crossTenant: async ({ clientA }, fx) => {
      const ids = await slaIncidents(fx);
      expect(await clientA.sla.clocks({ incidentIds: [ids[fx.b.id] as string] })).toEqual([]);
    },
    positive: async ({ clientA, analyst }, fx) => {
      const ids = await slaIncidents(fx);
      const mine = await clientA.sla.clocks({
        incidentIds: [ids[fx.a.id] as string, ids[fx.b.id] as string],
      });
      expect(mine.map((c) => [c.incidentId, c.kind])).toEqual([
        [ids[fx.a.id], 'assign'],
        [ids[fx.a.id], 'resolve'],
      ]);
      // An analyst of A and C sees both, never B's.
      const staff = await analyst.sla.clocks({ incidentIds: Object.values(ids) });
      expect(new Set(staff.map((c) => c.tenantId))).toEqual(new Set([fx.a.id, fx.c.id]));
    },
  },
} satisfies Record<string, Case>;
