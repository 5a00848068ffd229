import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { rowsOf } from '../src/rows';
import {
  incidentReportNarratives,
  incidents,
  msspBranding,
  reportChunks,
  reportSchedules,
  reports,
  tenantBranding,
} from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { expectScopeSeesOnlyOwnRows, pgFailure, RLS_VIOLATION } from './helpers';
import { REPORTS_TABLES } from './reports-tables';

// Tenant A's scope against tenant B's reports and branding, per table, each refusal with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;

/** One row per report/branding table for a tenant (owner connection: fixtures). */
async function seed(tenantId: string) {
  const now = new Date();
  const incidentId = crypto.randomUUID();
  const reportId = crypto.randomUUID();
  await t.db.insert(incidents).values({
    tenantId,
    id: incidentId,
    number: 1,
    title: 'iso',
    severity: 'low',
    priority: 'p4',
    firstAlertAt: now,
    lastAlertAt: now,
  });
  await t.db.insert(reports).values({
    tenantId,
    id: reportId,
    kind: 'incident',
    subject: `incident:${incidentId}`,
    version: 1,
    incidentId,
    title: 'iso',
  });
  await t.db.insert(reportChunks).values({ tenantId, reportId, seq: 0, data: Buffer.from('%PDF-') });
  await t.db.insert(incidentReportNarratives).values({ tenantId, incidentId, executiveSummary: 'x' });
  await t.db.insert(reportSchedules).values({ tenantId, frequency: 'monthly' });
  await t.db.insert(tenantBranding).values({ tenantId, legalFooter: 'footer' });
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await seed(a.id);
  await seed(b.id);
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

describe.each(REPORTS_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot move its rows into B", async () => {
    const failure = await pgFailure(
      asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      ),
    );
    // Chunks are never updated, so the app role has no UPDATE grant on them at all.
    expect(failure.message).toMatch(table === 'report_chunks' ? /permission denied/ : RLS_VIOLATION);
  });
});

describe('mssp_branding', () => {
  it('is readable and writable only inside a scope', async () => {
    await asA((tx) => tx.insert(msspBranding).values({ msspName: 'Acme MSSP' }));
    expect(await asA((tx) => tx.select({ name: msspBranding.msspName }).from(msspBranding))).toEqual([
      { name: 'Acme MSSP' },
    ]);
    expect(
      rowsOf(await withTenantOn(t.app.db, [], (tx) => tx.execute(sql`select * from mssp_branding`))),
    ).toEqual([]);
  });

  it('holds one row', async () => {
    const failure = await pgFailure(
      asA((tx) => tx.insert(msspBranding).values({ id: false, msspName: 'x' })),
    );
    expect(failure.message).toMatch(/mssp_branding_single_row/);
  });
});
