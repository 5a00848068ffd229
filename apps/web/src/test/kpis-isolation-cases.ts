import { incidents } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { and, gte, lt, notInArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';

// The kpis.* and overview.* rows of the isolation suite. They read the shared incident fixtures
// (created when the suite starts) and write nothing, so other rows' counts stay as they expect;
// each figure is checked against the tenant's own rows read straight through withTenant.

const NOW = Date.now();
const RANGE = { from: new Date(NOW - 86_400_000), to: new Date(NOW + 86_400_000) };

/** Incident counts per tenant id as the caller's rows grouped by tenant show them. */
const countsByTenant = (rows: { tenantId: string | null; incidents: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.tenantId, r.incidents]));

/** A tenant's incidents created in RANGE: the truth the KPI rows must match. */
const createdCount = (tenantId: string) =>
  withTenant(tenantId, (tx) =>
    tx.$count(incidents, and(gte(incidents.createdAt, RANGE.from), lt(incidents.createdAt, RANGE.to))),
  );

/** Open incidents of a tenant, read straight through withTenant. */
const openCount = (tenantId: string) =>
  withTenant(tenantId, (tx) => tx.$count(incidents, notInArray(incidents.status, ['resolved', 'closed'])));

export const KPIS_CASES = {
  'kpis.query': {
    call: (c) => c.kpis.query(RANGE),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.kpis.query({ ...RANGE, tenantId: fx.b.id })).rejects.toMatchObject(FORBIDDEN);
      await expect(clientA.kpis.query(RANGE)).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst, admin }, fx) => {
      const [a, b, c] = await Promise.all([fx.a.id, fx.b.id, fx.c.id].map(createdCount));
      expect(a).toBeGreaterThan(0);
      // The analyst's scope is A and C: B's incidents are neither counted nor named.
      expect(countsByTenant(await analyst.kpis.query({ ...RANGE, groupBy: ['tenant'] }))).toEqual({
        [fx.a.id]: a,
        [fx.c.id]: c,
      });
      await expect(analyst.kpis.query({ ...RANGE, tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      const all = countsByTenant(await admin.kpis.query({ ...RANGE, groupBy: ['tenant'] }));
      expect([all[fx.a.id], all[fx.b.id], all[fx.c.id]]).toEqual([a, b, c]);
    },
  },
  'kpis.exportCsv': {
    call: (c) => c.kpis.exportCsv(RANGE),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.kpis.exportCsv({ ...RANGE, tenantId: fx.b.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const { csv } = await analyst.kpis.exportCsv({ ...RANGE, groupBy: ['tenant'] });
      expect(csv).toContain(fx.a.id);
      expect(csv).toContain(fx.c.id);
      expect(csv).not.toContain(fx.b.id);
      await expect(analyst.kpis.exportCsv({ ...RANGE, tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'kpis.portal': {
    call: (c) => c.kpis.portal(RANGE),
    crossTenant: async ({ clientA, analyst }, fx) => {
      // Only A's incidents: B's never add up into the client's figures.
      expect((await clientA.kpis.portal(RANGE)).totals?.incidents).toBe(await createdCount(fx.a.id));
      await expect(analyst.kpis.portal(RANGE)).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ clientA }, fx) => {
      const k = await clientA.kpis.portal({ ...RANGE, period: 'day' });
      const a = await createdCount(fx.a.id);
      expect(a).toBeGreaterThan(0);
      expect(k.trend.reduce((sum, r) => sum + r.incidents, 0)).toBe(a);
      expect(k.bySeverity.reduce((sum, r) => sum + r.incidents, 0)).toBe(a);
      expect(
        [...k.trend, ...k.bySeverity].every((r) => r.analystUserId === null && r.tenantId === null),
      ).toBe(true);
    },
  },
  'overview.consoleSummary': {
    call: (c) => c.overview.consoleSummary({}),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.overview.consoleSummary({ tenantId: fx.b.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const o = await analyst.overview.consoleSummary({});
      const open = Object.fromEntries(o.openByTenant.map((r) => [r.tenantId, r.total]));
      const [a, c] = await Promise.all([openCount(fx.a.id), openCount(fx.c.id)]);
      expect(a + c).toBeGreaterThan(0);
      expect(open).toEqual({ ...(a ? { [fx.a.id]: a } : {}), ...(c ? { [fx.c.id]: c } : {}) });
      expect(o.unassignedUrgent.items.every((i) => i.tenantId !== fx.b.id)).toBe(true);
      await expect(analyst.overview.consoleSummary({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'overview.portalSummary': {
    call: (c) => c.overview.portalSummary(),
    crossTenant: async ({ clientA, analyst }, fx) => {
      expect((await clientA.overview.portalSummary()).openTotal).toBe(await openCount(fx.a.id));
      await expect(analyst.overview.portalSummary()).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ clientA }, fx) => {
      const o = await clientA.overview.portalSummary();
      expect(o.openTotal).toBeGreaterThan(0);
      expect(o.openTotal).toBe(await openCount(fx.a.id));
    },
  },
} satisfies Record<string, Case>;
