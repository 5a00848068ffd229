import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { rowsOf } from '../src/rows';
import {
  artifactEnrichments,
  artifacts,
  attackMappingRules,
  incidentEnrichments,
  incidents,
  integrationCredentials,
  listEntries,
  threatIndicators,
} from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { ENRICHMENT_TABLES } from './enrichment-tables';
import { expectScopeSeesOnlyOwnRows, pgFailure, RLS_VIOLATION } from './helpers';

// Tenant A's scope against tenant B's enrichment rows, per table, each refusal with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;

/** One row per enrichment table for a tenant (owner connection: fixtures). */
async function seed(tenantId: string) {
  const now = new Date();
  const incidentId = crypto.randomUUID();
  const artifactId = crypto.randomUUID();
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
  await t.db.insert(artifacts).values({ tenantId, id: artifactId, type: 'ipv4', value: '198.51.100.1' });
  await t.db
    .insert(artifactEnrichments)
    .values({ tenantId, artifactId, verdict: 'unknown', score: 0, outcomes: [], lists: {} });
  await t.db.insert(incidentEnrichments).values({ tenantId, incidentId, summary: {}, techniques: [] });
  await t.db
    .insert(attackMappingRules)
    .values({ tenantId, field: 'rule_name', pattern: '*', techniqueId: 'T1059' });
  await t.db.insert(integrationCredentials).values({ tenantId, provider: 'virustotal', secret: 'v1.x.y.z' });
  await t.db.insert(listEntries).values({ tenantId, list: 'block', matchKind: 'value', value: 'x.example' });
  await t.db
    .insert(threatIndicators)
    .values({ tenantId, type: 'ipv4', value: '198.51.100.1', source: 'feed' });
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await seed(a.id);
  await seed(b.id);
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

describe.each(ENRICHMENT_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot change or delete B's rows", async () => {
    const updated = await asA((tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${b.id} returning 1`,
      ),
    );
    expect(rowsOf(updated)).toEqual([]);
    // The same update on A's own rows reaches them (positive control).
    const own = await asA((tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${a.id} returning 1`,
      ),
    );
    expect(rowsOf(own).length).toBeGreaterThan(0);
  });

  it("A's scope cannot move its rows into B", async () => {
    const failure = await pgFailure(
      asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      ),
    );
    expect(failure.message).toMatch(RLS_VIOLATION);
  });
});
