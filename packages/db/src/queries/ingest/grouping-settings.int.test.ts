import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../rows';
import { alertDedupKeys, alerts, dataSources, incidents } from '../../schema/index';
import { type SeededTenant, seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { getGroupingSettings, saveGroupingSettings } from './grouping-settings';
import { pruneExpiredDedupKeys } from './prune-dedup-keys';
import { type NormalizedFields, storeProcessedAlerts } from './store-processed-alerts';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
let siem: string;
let edr: string;

const fields = (over: Partial<NormalizedFields>): NormalizedFields => ({
  mapper: 'generic',
  title: 'Alert',
  description: null,
  severity: 'medium',
  eventTime: null,
  sourceVendor: null,
  sourceProduct: 'Test',
  sourceAlertId: null,
  ruleId: 'R1',
  ruleName: 'R1',
  hosts: ['h1'],
  users: [],
  normalized: {},
  artifacts: [],
  ...over,
});

const inTenant = <T>(tenantId: string, fn: Parameters<typeof withTenantOn<T>>[2]) =>
  withTenantOn(t.app.db, tenantId, fn);

/** Receives and processes one alert per entry; returns the incident each joined. */
async function ingest(tenantId: string, items: { source: string; over: Partial<NormalizedFields> }[]) {
  const ids = items.map(() => crypto.randomUUID());
  await inTenant(tenantId, (tx) =>
    tx.insert(alerts).values(
      items.map((item, i) => ({
        tenantId,
        id: ids[i] as string,
        dataSourceId: item.source,
        raw: {},
        payloadHash: 'h',
      })),
    ),
  );
  await inTenant(tenantId, (tx) =>
    storeProcessedAlerts(tx, {
      tenantId,
      alerts: items.map((item, i) => ({
        id: ids[i] as string,
        ok: true as const,
        fields: fields(item.over),
      })),
    }),
  );
  const rows = await inTenant(tenantId, (tx) =>
    tx
      .select({ id: alerts.id, incidentId: alerts.incidentId })
      .from(alerts)
      .where(eq(alerts.tenantId, tenantId)),
  );
  const byId = new Map(rows.map((r) => [r.id, r.incidentId]));
  return ids.map((id) => byId.get(id));
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  siem = crypto.randomUUID();
  edr = crypto.randomUUID();
  await t.db.insert(dataSources).values([
    { tenantId: a.id, id: siem, name: 'siem' },
    { tenantId: a.id, id: edr, name: 'edr' },
  ]);
});

describe('grouping settings', () => {
  it('default is same rule + same host within 1 hour; a saved override reads back', async () => {
    expect(await inTenant(a.id, (tx) => getGroupingSettings(tx, a.id))).toEqual({
      tenant: { fields: ['rule', 'host'], windowMinutes: 60 },
      sources: {},
    });
    await inTenant(a.id, (tx) =>
      saveGroupingSettings(tx, a.id, {
        tenant: { fields: ['rule', 'host'], windowMinutes: 60 },
        sources: { [edr]: { fields: ['host'], windowMinutes: 15 } },
      }),
    );
    expect((await inTenant(a.id, (tx) => getGroupingSettings(tx, a.id))).sources).toEqual({
      [edr]: { fields: ['host'], windowMinutes: 15 },
    });
    // Another tenant's settings are untouched (and unseen).
    expect((await inTenant(b.id, (tx) => getGroupingSettings(tx, b.id))).sources).toEqual({});
  });

  it("ingestion applies a data source's override to its alerts only, with the override's window", async () => {
    const [s1, s2, e1, e2] = await ingest(a.id, [
      { source: siem, over: { ruleId: 'R1', hosts: ['web-1'] } },
      { source: siem, over: { ruleId: 'R2', hosts: ['web-1'] } },
      { source: edr, over: { ruleId: 'R1', hosts: ['web-1'] } },
      { source: edr, over: { ruleId: 'R9', hosts: ['web-1'] } },
    ]);
    // SIEM: tenant-wide rule + host, so two rules → two incidents. EDR: host only → one incident,
    // and never the SIEM's incident although rule and host match.
    expect(s1).not.toBe(s2);
    expect(e1).toBe(e2);
    expect([s1, s2]).not.toContain(e1);

    // 20 minutes later: beyond the EDR override's 15-minute window, within the SIEM's hour.
    await t.db
      .update(incidents)
      .set({ lastAlertAt: sql`now() - interval '20 minutes'` })
      .where(eq(incidents.tenantId, a.id));
    const [s3, e3] = await ingest(a.id, [
      { source: siem, over: { ruleId: 'R1', hosts: ['web-1'] } },
      { source: edr, over: { ruleId: 'R5', hosts: ['web-1'] } },
    ]);
    expect(s3).toBe(s1);
    expect(e3).not.toBe(e1);
  });
});

describe('pruneExpiredDedupKeys', () => {
  it('deletes expired claims of every tenant in batches and keeps live and permanent ones', async () => {
    const bSource = crypto.randomUUID();
    await t.db.insert(dataSources).values({ tenantId: b.id, id: bSource, name: 'b' });
    const claim = (tenantId: string, dataSourceId: string, key: string, expiresAt: unknown) => ({
      tenantId,
      dataSourceId,
      key,
      alertId: crypto.randomUUID(),
      expiresAt: expiresAt as Date | null,
    });
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await t.db
      .insert(alertDedupKeys)
      .values([
        ...Array.from({ length: 5 }, (_, i) => claim(a.id, siem, `hash:old-a-${i}`, past)),
        ...Array.from({ length: 3 }, (_, i) => claim(b.id, bSource, `hash:old-b-${i}`, past)),
        claim(a.id, siem, 'hash:live', future),
        claim(a.id, siem, 'sid:forever', null),
      ]);
    // The login role (not the owner) may prune: the function is its door, the table stays closed.
    const pruned = await pruneExpiredDedupKeys(t.app.db, { batchSize: 3, maxBatches: 10 });
    expect(pruned).toEqual({ deleted: 8, batches: 3 });
    const left = rowsOf<{ key: string }>(
      await t.db.execute(
        sql`select key from alert_dedup_keys where key like 'hash:%' or key like 'sid:%' order by key`,
      ),
    );
    expect(left.map((r) => r.key)).toEqual(['hash:live', 'sid:forever']);
    expect(await pruneExpiredDedupKeys(t.app.db, { batchSize: 3, maxBatches: 10 })).toEqual({
      deleted: 0,
      batches: 1,
    });
  });
});
