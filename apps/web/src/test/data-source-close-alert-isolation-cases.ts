import { dataSources } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The dataSource.setCloseAlert row. One data source per tenant, written through withTenant without
// audit entries; the positive update (which audits) runs on tenant C, never A.
let seeded: Promise<Record<string, string>> | undefined;
function sources(fx: Fixtures): Promise<Record<string, string>> {
  seeded ??= (async () => {
    const ids: Record<string, string> = {};
    for (const tenantId of [fx.a.id, fx.b.id, fx.c.id]) {
      const id = crypto.randomUUID();
      await withTenant(tenantId, (tx) =>
        tx.insert(dataSources).values({ tenantId, id, name: 'close-alert-iso' }),
      );
      ids[tenantId] = id;
    }
    return ids;
  })();
  return seeded;
}

const SETTING = {
  target: 'splunk_es' as const,
  url: 'https://splunk.client.example:8089',
  credential: 'splunk-close',
};

export const DATA_SOURCE_CLOSE_ALERT_CASES = {
  'dataSource.setCloseAlert': {
    call: (c, fx) =>
      c.dataSource.setCloseAlert({ tenantId: fx.a.id, dataSourceId: crypto.randomUUID(), closeAlert: null }),
    crossTenant: async ({ clientA, analyst, admin }, fx) => {
      const ids = await sources(fx);
      await expect(
        clientA.dataSource.setCloseAlert({
          tenantId: fx.b.id,
          dataSourceId: ids[fx.b.id] as string,
          closeAlert: SETTING,
        }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.dataSource.setCloseAlert({
          tenantId: fx.a.id,
          dataSourceId: ids[fx.a.id] as string,
          closeAlert: SETTING,
        }),
      ).rejects.toMatchObject(FORBIDDEN);
      // Analysts see data sources but do not configure them.
      await expect(
        analyst.dataSource.setCloseAlert({
          tenantId: fx.c.id,
          dataSourceId: ids[fx.c.id] as string,
          closeAlert: SETTING,
        }),
      ).rejects.toMatchObject(FORBIDDEN);
      // B's data source named under tenant C: RLS hides it.
      await expect(
        admin.dataSource.setCloseAlert({
          tenantId: fx.c.id,
          dataSourceId: ids[fx.b.id] as string,
          closeAlert: SETTING,
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      const ids = await sources(fx);
      const dataSourceId = ids[fx.c.id] as string;
      await admin.dataSource.setCloseAlert({ tenantId: fx.c.id, dataSourceId, closeAlert: SETTING });
      const listed = await admin.dataSource.list({ tenantId: fx.c.id });
      expect(listed.find((s) => s.id === dataSourceId)?.closeAlert).toEqual(SETTING);
      await admin.dataSource.setCloseAlert({ tenantId: fx.c.id, dataSourceId, closeAlert: null });
      const cleared = await admin.dataSource.list({ tenantId: fx.c.id });
      expect(cleared.find((s) => s.id === dataSourceId)?.closeAlert).toBeNull();
    },
  },
} satisfies Record<string, Case>;
