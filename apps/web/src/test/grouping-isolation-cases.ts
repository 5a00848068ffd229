import { dataSources } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The grouping.* rows of the isolation suite. Fixtures (one data source in B and in C) are written
// through withTenant, without audit entries, and never in tenant A, whose rows other cases count;
// the positive controls run on C (the analyst's other tenant).
let seeded: Promise<Record<string, string>> | undefined;
function sources(fx: Fixtures): Promise<Record<string, string>> {
  seeded ??= (async () => {
    const ids: Record<string, string> = {};
    for (const tenantId of [fx.b.id, fx.c.id]) {
      const id = crypto.randomUUID();
      await withTenant(tenantId, (tx) =>
        tx.insert(dataSources).values({ tenantId, id, name: 'grouping-iso' }),
      );
      ids[tenantId] = id;
    }
    return ids;
  })();
  return seeded;
}

const RULE = { fields: ['host' as const], windowMinutes: 30 };

export const GROUPING_CASES = {
  'grouping.get': {
    call: (c, fx) => c.grouping.get({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.grouping.get({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.grouping.get({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const ids = await sources(fx);
      const got = await analyst.grouping.get({ tenantId: fx.c.id });
      expect(got.tenant).toEqual({ fields: ['rule', 'host'], windowMinutes: 60 });
      expect(got.sources.map((s) => s.id)).toContain(ids[fx.c.id]);
      expect(got.sources.map((s) => s.id)).not.toContain(ids[fx.b.id]);
    },
  },
  'grouping.preview': {
    call: (c, fx) => c.grouping.preview({ tenantId: fx.a.id, rule: RULE }),
    crossTenant: async ({ clientA }, fx) => {
      const ids = await sources(fx);
      await expect(
        clientA.grouping.preview({ tenantId: fx.b.id, rule: RULE, dataSourceId: ids[fx.b.id] }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.grouping.preview({ tenantId: fx.a.id, rule: RULE })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
    positive: async ({ analyst }, fx) => {
      const ids = await sources(fx);
      expect(
        await analyst.grouping.preview({ tenantId: fx.c.id, rule: RULE, dataSourceId: ids[fx.c.id] }),
      ).toMatchObject({ alerts: expect.any(Number) });
      // B's data source named under C: none of its alerts (RLS), an empty preview.
      expect(
        await analyst.grouping.preview({ tenantId: fx.c.id, rule: RULE, dataSourceId: ids[fx.b.id] }),
      ).toMatchObject({ alerts: 0, groups: [] });
    },
  },
  'grouping.save': {
    call: (c, fx) => c.grouping.save({ tenantId: fx.a.id, rule: RULE }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await expect(clientA.grouping.save({ tenantId: fx.b.id, rule: RULE })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.grouping.save({ tenantId: fx.a.id, rule: RULE })).rejects.toMatchObject(FORBIDDEN);
      await expect(analyst.grouping.save({ tenantId: fx.a.id, rule: RULE })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }, fx) => {
      const ids = await sources(fx);
      // B's data source under C's tenant: unknown, nothing written.
      await expect(
        admin.grouping.save({ tenantId: fx.c.id, dataSourceId: ids[fx.b.id], rule: RULE }),
      ).rejects.toMatchObject(NOT_FOUND);
      await admin.grouping.save({ tenantId: fx.c.id, dataSourceId: ids[fx.c.id], rule: RULE });
      const got = await admin.grouping.get({ tenantId: fx.c.id });
      expect(got.sources.find((s) => s.id === ids[fx.c.id])?.rule).toEqual(RULE);
      expect((await admin.grouping.get({ tenantId: fx.b.id })).sources.every((s) => s.rule === null)).toBe(
        true,
      );
    },
  },
} satisfies Record<string, Case>;
