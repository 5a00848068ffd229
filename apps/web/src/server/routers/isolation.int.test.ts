import { dataSources, incidents } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import type { inferRouterInputs } from '@trpc/server';
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppRouter, appRouter } from '@/server/trpc/root';
import { ADMIN_CASES } from '@/test/admin-isolation-cases';
import { DAEMONS_CASES } from '@/test/daemons-isolation-cases';
import { DATA_SOURCE_CLOSE_ALERT_CASES } from '@/test/data-source-close-alert-isolation-cases';
import { ENRICHMENT_CASES } from '@/test/enrichment-isolation-cases';
import { GROUPING_CASES } from '@/test/grouping-isolation-cases';
import { CAMPAIGN_IP, type IncidentFixtures, seedIncidentFixtures } from '@/test/incident-fixtures';
import { type Callers, type Case, FORBIDDEN, NOT_FOUND } from '@/test/isolation-case';
import { KPIS_CASES } from '@/test/kpis-isolation-cases';
import { NOTIFICATIONS_CASES } from '@/test/notifications-isolation-cases';
import { PLAYBOOK_CASES } from '@/test/playbook-isolation-cases';
import { PLAYBOOK_TEMPLATE_CASES } from '@/test/playbook-template-isolation-cases';
import { REPORTS_CASES } from '@/test/reports-isolation-cases';
import { SLA_CASES } from '@/test/sla-isolation-cases';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';
import { createWorkerQueues } from '@/test/worker-queues';

// Every procedure, called by a client user of tenant A with tenant B's ids, must refuse
// (NOT_FOUND / FORBIDDEN) or return nothing of B; each refusal has a positive control.
// A procedure added to the router without a row here fails the first test (and tsc).

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();

type Inputs = inferRouterInputs<AppRouter>;
type ProcedurePath = { [R in keyof Inputs]: `${R & string}.${keyof Inputs[R] & string}` }[keyof Inputs];

const CASES: Record<ProcedurePath, Case> = {
  'me.get': {
    call: (c) => c.me.get(),
    crossTenant: async ({ clientA }, fx) => {
      const me = await clientA.me.get();
      expect(me.tenant?.id).not.toBe(fx.b.id);
    },
    positive: async ({ clientA }, fx) => {
      const me = await clientA.me.get();
      expect(me).toMatchObject({
        userId: fx.clientA.id,
        kind: 'client',
        tenant: { id: fx.a.id, name: fx.a.name },
      });
    },
  },
  'tenant.list': {
    call: (c) => c.tenant.list(),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.tenant.list()).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      expect((await analyst.tenant.list()).map((x) => x.id).sort()).toEqual([fx.a.id, fx.c.id].sort());
    },
  },
  'tenant.get': {
    call: (c, fx) => c.tenant.get({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.tenant.get({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      expect(await clientA.tenant.get({ tenantId: fx.a.id })).toMatchObject({ id: fx.a.id, slug: fx.a.slug });
    },
  },
  'audit.list': {
    call: (c, fx) => c.audit.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.audit.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      expect((await clientA.audit.list({ tenantId: fx.a.id })).map((e) => e.id)).toEqual([fx.auditIds.a]);
    },
  },
  'dataSource.list': {
    call: (c) => c.dataSource.list({}),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.dataSource.list({ tenantId: fx.b.id })).rejects.toMatchObject(FORBIDDEN);
      await expect(clientA.dataSource.list({})).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const ids = (await analyst.dataSource.list({})).map((s) => s.id).sort();
      expect(ids).toEqual(expect.arrayContaining([ix.a.dataSourceId, ix.c.dataSourceId]));
      expect(ids).toEqual(await rowIdsOf(dataSources, [fx.a.id, fx.c.id]));
      await expect(analyst.dataSource.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'dataSource.create': {
    call: (c, fx) => c.dataSource.create({ tenantId: fx.a.id, name: 'unauthorized' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.dataSource.create({ tenantId: fx.b.id, name: 'x' })).rejects.toMatchObject(
        NOT_FOUND,
      );
      await expect(clientA.dataSource.create({ tenantId: fx.a.id, name: 'x' })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
    positive: async ({ admin, analyst }, fx) => {
      const created = await admin.dataSource.create({ tenantId: fx.b.id, name: 'iso-positive' });
      expect(created.apiKey.key.length).toBeGreaterThan(20);
      await expect(analyst.dataSource.create({ tenantId: fx.a.id, name: 'x' })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
  },
  'dataSource.createKey': {
    call: (c, fx) => c.dataSource.createKey({ tenantId: fx.a.id, dataSourceId: ix.a.dataSourceId }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.dataSource.createKey({ tenantId: fx.b.id, dataSourceId: ix.b.dataSourceId }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      // B's source named under A's tenant is not found: ids do not travel between tenants.
      await expect(
        admin.dataSource.createKey({ tenantId: fx.a.id, dataSourceId: ix.b.dataSourceId }),
      ).rejects.toMatchObject(NOT_FOUND);
      const key = await admin.dataSource.createKey({ tenantId: fx.b.id, dataSourceId: ix.b.dataSourceId });
      expect(key.prefix.length).toBeGreaterThan(0);
    },
  },
  'dataSource.revoke': {
    call: (c, fx) => c.dataSource.revoke({ tenantId: fx.a.id, keyId: ix.a.apiKeyId }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.dataSource.revoke({ tenantId: fx.b.id, keyId: ix.b.apiKeyId }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      await expect(
        admin.dataSource.revoke({ tenantId: fx.a.id, keyId: ix.b.apiKeyId }),
      ).rejects.toMatchObject(NOT_FOUND);
      expect((await admin.dataSource.revoke({ tenantId: fx.b.id, keyId: ix.b.apiKeyId })).id).toBe(
        ix.b.apiKeyId,
      );
    },
  },
  'incident.list': {
    call: (c) => c.incident.list({}),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.incident.list({ tenantId: fx.b.id })).rejects.toMatchObject(FORBIDDEN);
      await expect(clientA.incident.list({})).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const ids = (await analyst.incident.list({ limit: 100 })).items.map((i) => i.id).sort();
      expect(ids).toEqual(
        expect.arrayContaining([
          ix.a.incidentId,
          ix.a.relatedIncidentId,
          ix.c.incidentId,
          ix.c.relatedIncidentId,
        ]),
      );
      expect(ids).toEqual(await rowIdsOf(incidents, [fx.a.id, fx.c.id]));
      await expect(analyst.incident.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'incident.get': {
    call: (c, fx) => c.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.incident.get({ tenantId: fx.b.id, incidentId: ix.b.incidentId }),
      ).rejects.toMatchObject(NOT_FOUND);
      // Its own tenant's incident through the staff view: refused, the portal has its own.
      await expect(
        clientA.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const got = await analyst.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId });
      expect(got.incident.id).toBe(ix.a.incidentId);
      await expect(
        analyst.incident.get({ tenantId: fx.a.id, incidentId: ix.b.incidentId }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'incident.assign': {
    call: (c, fx) =>
      c.incident.assign({ tenantId: fx.a.id, incidentId: ix.a.incidentId, assigneeUserId: null }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.incident.assign({
          tenantId: fx.b.id,
          incidentId: ix.b.incidentId,
          assigneeUserId: fx.clientA.id,
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      await expect(
        analyst.incident.assign({
          tenantId: fx.a.id,
          incidentId: ix.b.incidentId,
          assigneeUserId: fx.analyst.id,
        }),
      ).rejects.toMatchObject(NOT_FOUND);
      const res = await analyst.incident.assign({
        tenantId: fx.a.id,
        incidentId: ix.a.relatedIncidentId,
        assigneeUserId: fx.analyst.id,
      });
      expect(res).toMatchObject({ assigneeUserId: fx.analyst.id, status: 'assigned' });
    },
  },
  'incident.setStatus': {
    call: (c, fx) =>
      c.incident.setStatus({ tenantId: fx.a.id, incidentId: ix.a.incidentId, status: 'resolved' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.incident.setStatus({ tenantId: fx.b.id, incidentId: ix.b.incidentId, status: 'closed' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      await expect(
        analyst.incident.setStatus({ tenantId: fx.c.id, incidentId: ix.b.incidentId, status: 'resolved' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await analyst.incident.setStatus({
        tenantId: fx.c.id,
        incidentId: ix.c.incidentId,
        status: 'resolved',
      });
      const got = await analyst.incident.get({ tenantId: fx.c.id, incidentId: ix.c.incidentId });
      expect(got.incident.status).toBe('resolved');
    },
  },
  'incident.setSeverity': {
    call: (c, fx) =>
      c.incident.setSeverity({ tenantId: fx.a.id, incidentId: ix.a.incidentId, severity: 'low' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.incident.setSeverity({ tenantId: fx.b.id, incidentId: ix.b.incidentId, severity: 'info' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      await expect(
        analyst.incident.setSeverity({ tenantId: fx.a.id, incidentId: ix.b.incidentId, severity: 'info' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await analyst.incident.setSeverity({
        tenantId: fx.a.id,
        incidentId: ix.a.incidentId,
        severity: 'critical',
      });
      const got = await analyst.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId });
      expect(got.incident.severity).toBe('critical');
    },
  },
  'incident.addTag': {
    call: (c, fx) => c.incident.addTag({ tenantId: fx.a.id, incidentId: ix.a.incidentId, tag: 'x' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.incident.addTag({ tenantId: fx.b.id, incidentId: ix.b.incidentId, tag: 'pwned' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      await expect(
        analyst.incident.addTag({ tenantId: fx.a.id, incidentId: ix.b.incidentId, tag: 'x' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await analyst.incident.addTag({ tenantId: fx.a.id, incidentId: ix.a.incidentId, tag: 'Phishing' });
      const got = await analyst.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId });
      expect(got.incident.tags).toContain('phishing');
    },
  },
  'incident.comment': {
    call: (c, fx) =>
      c.incident.comment({
        tenantId: fx.a.id,
        incidentId: ix.a.incidentId,
        body: 'x',
        visibility: 'internal',
      }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.incident.comment({
          tenantId: fx.b.id,
          incidentId: ix.b.incidentId,
          body: 'x',
          visibility: 'shared',
        }),
      ).rejects.toMatchObject(NOT_FOUND);
      // Clients do not comment, not even on their own incidents.
      await expect(
        clientA.incident.comment({
          tenantId: fx.a.id,
          incidentId: ix.a.incidentId,
          body: 'x',
          visibility: 'shared',
        }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      await expect(
        analyst.incident.comment({
          tenantId: fx.a.id,
          incidentId: ix.b.incidentId,
          body: 'x',
          visibility: 'shared',
        }),
      ).rejects.toMatchObject(NOT_FOUND);
      await analyst.incident.comment({
        tenantId: fx.a.id,
        incidentId: ix.a.incidentId,
        body: 'iso positive comment',
        visibility: 'internal',
      });
      const got = await analyst.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId });
      expect(got.comments.map((c) => c.body)).toContain('iso positive comment');
    },
  },
  'incident.portalList': {
    call: (c) => c.incident.portalList({}),
    crossTenant: async ({ clientA }) => {
      const ids = (await clientA.incident.portalList({})).items.map((i) => i.id);
      expect(ids).not.toContain(ix.b.incidentId);
      expect(ids).not.toContain(ix.b.relatedIncidentId);
    },
    positive: async ({ clientA, analyst }, fx) => {
      const ids = (await clientA.incident.portalList({ limit: 100 })).items.map((i) => i.id).sort();
      expect(ids).toEqual(expect.arrayContaining([ix.a.incidentId, ix.a.relatedIncidentId]));
      expect(ids).toEqual(await rowIdsOf(incidents, [fx.a.id]));
      await expect(analyst.incident.portalList({})).rejects.toMatchObject(FORBIDDEN);
    },
  },
  'incident.portalGet': {
    call: (c) => c.incident.portalGet({ incidentId: ix.a.incidentId }),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.incident.portalGet({ incidentId: ix.b.incidentId })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
    positive: async ({ clientA }) => {
      const got = await clientA.incident.portalGet({ incidentId: ix.a.incidentId });
      expect(got.incident.id).toBe(ix.a.incidentId);
      expect(got.comments.map((c) => c.body)).toEqual([ix.a.sharedComment]);
    },
  },
  'campaign.list': {
    call: (c) => c.campaign.list({}),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.campaign.list({})).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst, admin }, fx) => {
      const seen = await analyst.campaign.list({});
      expect(seen.map((r) => [r.value, [...r.tenantIds].sort()])).toEqual([
        [CAMPAIGN_IP, [fx.a.id, fx.c.id].sort()],
      ]);
      const all = await admin.campaign.list({});
      expect(all.find((r) => r.value === CAMPAIGN_IP)?.tenantCount).toBe(3);
    },
  },
  // Last: these write audit entries in tenant A, which audit.list's positive control counts.
  ...ENRICHMENT_CASES,
  ...PLAYBOOK_CASES,
  ...NOTIFICATIONS_CASES,
  ...ADMIN_CASES,
  ...KPIS_CASES,
  ...PLAYBOOK_TEMPLATE_CASES,
  ...GROUPING_CASES,
  ...SLA_CASES,
  ...REPORTS_CASES,
  ...DATA_SOURCE_CLOSE_ALERT_CASES,
  ...DAEMONS_CASES,
};

let fx: Fixtures;
let ix: IncidentFixtures;
let callers: Callers;

/**
 * Every row of the given tenants, read on the owner connection (past RLS). Other areas' fixtures add
 * rows to tenants A and C, so a list's positive control compares with what the tenants really hold:
 * the fixture rows are in it, and nothing of any other tenant is.
 */
async function rowIdsOf(table: typeof dataSources | typeof incidents, tenantIds: string[]) {
  const rows = await t.db.select({ id: table.id }).from(table).where(inArray(table.tenantId, tenantIds));
  return rows.map((r) => r.id).sort();
}

beforeAll(async () => {
  await createWorkerQueues(t.database);
  fx = await seedFixtures(t.db);
  ix = await seedIncidentFixtures(t.db, fx);
  callers = {
    clientA: await callerFor(fx.clientA),
    analyst: await callerFor(fx.analyst),
    admin: await callerFor(fx.admin),
  };
});

const paths = Object.keys(CASES) as ProcedurePath[];

describe('tRPC tenant isolation', () => {
  it('has a case for every procedure of the router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual([...paths].sort());
  });

  it.each(paths)('%s: a client of tenant A gets nothing of tenant B', async (path) => {
    await CASES[path].crossTenant(callers, fx);
  });

  it.each(paths)('%s: positive control', async (path) => {
    await CASES[path].positive(callers, fx);
  });

  it.each(paths)('%s: UNAUTHORIZED without a session', async (path) => {
    await expect(CASES[path].call(await callerFor(null), fx)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each(paths)('%s: UNAUTHORIZED for a deactivated user', async (path) => {
    await expect(CASES[path].call(await callerFor(fx.inactiveClientA), fx)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
