import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { rowsOf } from '../src/rows';
import {
  alertArtifacts,
  alertDedupKeys,
  alerts,
  artifacts,
  dataSourceApiKeys,
  dataSources,
  incidentArtifacts,
  incidentComments,
  incidentEvents,
  incidentRelations,
  incidents,
  tenantIncidentSettings,
} from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { expectScopeSeesOnlyOwnRows, PERMISSION_DENIED, pgFailure, RLS_VIOLATION } from './helpers';
import { INGEST_TABLES } from './ingest-tables';

// Tenant A's scope against tenant B's ingestion and incident rows, table by table, each refusal
// with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;

/** One row per table for a tenant (owner connection: fixtures). */
async function seed(tenantId: string) {
  const now = new Date();
  const [ds, alert, artifact, i1, i2] = Array.from({ length: 5 }, () => crypto.randomUUID()) as string[];
  await t.db.insert(dataSources).values({ tenantId, id: ds, name: 'src' });
  await t.db.insert(dataSourceApiKeys).values({
    tenantId,
    dataSourceId: ds as string,
    prefix: 'psk_00000000',
    keyHash: crypto.randomUUID().replaceAll('-', '').repeat(2),
  });
  const incident = (id: string, number: number) => ({
    tenantId,
    id,
    number,
    title: 'iso',
    severity: 'low' as const,
    priority: 'p4' as const,
    firstAlertAt: now,
    lastAlertAt: now,
  });
  await t.db.insert(incidents).values([incident(i1 as string, 1), incident(i2 as string, 2)]);
  await t.db
    .insert(alerts)
    .values({ tenantId, id: alert, dataSourceId: ds as string, raw: {}, payloadHash: 'h', incidentId: i1 });
  await t.db
    .insert(alertDedupKeys)
    .values({ tenantId, dataSourceId: ds as string, key: 'hash:x', alertId: alert as string });
  await t.db.insert(artifacts).values({ tenantId, id: artifact, type: 'ipv4', value: '198.51.100.1' });
  await t.db
    .insert(alertArtifacts)
    .values({ tenantId, alertId: alert as string, artifactId: artifact as string, locations: [] });
  await t.db
    .insert(incidentArtifacts)
    .values({ tenantId, incidentId: i1 as string, artifactId: artifact as string });
  await t.db.insert(incidentRelations).values({
    tenantId,
    incidentId: i1 as string,
    relatedIncidentId: i2 as string,
    sharedArtifactIds: [artifact as string],
  });
  await t.db.insert(tenantIncidentSettings).values({ tenantId, lastIncidentNumber: 2 });
  await t.db.insert(incidentEvents).values({ tenantId, incidentId: i1 as string, kind: 'created', data: {} });
  await t.db
    .insert(incidentComments)
    .values({ tenantId, incidentId: i1 as string, body: 'note', visibility: 'internal' });
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await seed(a.id);
  await seed(b.id);
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

/** A no-op update the app role may run on each table (column grants differ); null = append-only. */
const NOOP_UPDATE: Record<(typeof INGEST_TABLES)[number], SQL | null> = {
  alert_artifacts: sql`locations = locations`,
  alert_dedup_keys: sql`key = key`,
  alerts: sql`status = status`,
  artifacts: sql`alert_count = alert_count`,
  data_source_api_keys: sql`revoked_at = revoked_at`,
  data_sources: sql`name = name`,
  incident_artifacts: null,
  incident_comments: null,
  incident_events: null,
  incident_relations: sql`shared_artifact_ids = shared_artifact_ids`,
  incidents: sql`title = title`,
  tenant_incident_settings: sql`grouping_window_minutes = grouping_window_minutes`,
};

describe.each(INGEST_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot change B's rows (append-only tables: not even its own)", async () => {
    const set = NOOP_UPDATE[table];
    if (set === null) {
      const failure = await pgFailure(
        asA((tx) =>
          tx.execute(
            sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${a.id}`,
          ),
        ),
      );
      expect(failure.message).toMatch(PERMISSION_DENIED);
      return;
    }
    const updated = await asA((tx) =>
      tx.execute(sql`update ${sql.identifier(table)} set ${set} where tenant_id = ${b.id} returning 1`),
    );
    expect(rowsOf(updated)).toEqual([]);
    const own = await asA((tx) =>
      tx.execute(sql`update ${sql.identifier(table)} set ${set} where tenant_id = ${a.id} returning 1`),
    );
    expect(rowsOf(own).length).toBeGreaterThan(0);
  });

  it("A's scope cannot move its rows into B", async () => {
    const failure = await pgFailure(
      asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      ),
    );
    expect(failure.message).toMatch(
      NOOP_UPDATE[table] === null || table === 'data_sources' || table === 'data_source_api_keys'
        ? PERMISSION_DENIED
        : RLS_VIOLATION,
    );
  });
});

describe('ingest key lookup', () => {
  it('ingest_authenticate is not callable by the app role inside a scope', async () => {
    const failure = await pgFailure(
      asA((tx) => tx.execute(sql`select * from public.ingest_authenticate(${'0'.repeat(64)}, 1)`)),
    );
    expect(failure.message).toMatch(PERMISSION_DENIED);
  });
});
