import { PROCESS_ALERTS, ProcessAlertsPayload } from '@palisade/db/jobs/process-alerts';
import { revokeApiKey } from '@palisade/db/queries/data-sources/revoke-api-key';
import { getIncident } from '@palisade/db/queries/incidents/get-incident';
import { listCampaignArtifacts } from '@palisade/db/queries/incidents/list-campaign-artifacts';
import { listIncidents } from '@palisade/db/queries/incidents/list-incidents';
import { alerts, artifacts, incidentRelations, incidents, tenants } from '@palisade/db/schema';
import { type SeededTenant, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { defineJob } from '@palisade/worker/jobs/define-job';
import { processAlertsJob } from '@palisade/worker/jobs/process-alerts';
import { type RunningWorker, startWorker } from '@palisade/worker/start-worker';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_ITEMS, MAX_BODY_BYTES } from './ingest-limits';
import {
  addDataSource,
  ingestVia,
  processed,
  silentLog,
  startIngestWorker,
  until,
} from './test/ingest-harness';
import { signBody } from './verify-signature';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
let keyA: string;
let keyB: string;
let worker: RunningWorker | undefined;
const ingest = (...args: Parameters<ReturnType<typeof ingestVia>>) => ingestVia(t.app)(...args);

const alert = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  title: 'Suspicious login',
  rule_name: 'Brute force',
  host: 'web-01',
  severity: 'high',
  src_ip: '203.0.113.7',
  user: 'bob',
  message: 'login from 203.0.113.7',
  ...over,
});

const acceptedIds = (json: { items: { status: string; alertId?: string }[] }) =>
  json.items.flatMap((i) => (i.status === 'accepted' && i.alertId ? [i.alertId] : []));

beforeAll(async () => {
  const [first, second] = await seedTenants(t.db, 2);
  if (!first || !second) throw new Error('seed failed');
  [a, b] = [first, second];
  keyA = (await addDataSource(t.database, a.id)).apiKey.key;
  keyB = (await addDataSource(t.database, b.id)).apiKey.key;
  worker = await startIngestWorker(t.database);
});
afterEach(async () => {
  worker ??= await startIngestWorker(t.database);
});
afterAll(async () => {
  await worker?.stop();
});

describe('POST /api/ingest/v1/alerts', () => {
  it('accepts a batch, reports bad items per item, and turns the valid ones into an incident with artifacts', async () => {
    const good = [alert({ host: 'batch-host' }), alert({ host: 'batch-host', src_ip: '198.51.100.9' })];
    const res = await ingest(keyA, [good[0], 42, {}, good[1], null]);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ accepted: 2, duplicates: 0, rejected: 3 });
    expect(res.json.items.map((i) => i.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'accepted',
      'rejected',
    ]);
    expect(res.json.items[1]).toMatchObject({ index: 1, error: { code: 'invalid_item' } });
    const ids = acceptedIds(res.json);
    await processed(t.database, a.id, ids);

    const rows = await withTenantOn(t.app.db, a.id, (tx) =>
      tx.select({ status: alerts.status, incidentId: alerts.incidentId, hosts: alerts.hosts }).from(alerts),
    );
    const mine = rows.filter((r) => r.hosts?.includes('batch-host'));
    expect(mine).toHaveLength(2);
    expect(mine.every((r) => r.status === 'processed')).toBe(true);
    // Same rule + same host: one incident.
    expect(new Set(mine.map((r) => r.incidentId)).size).toBe(1);
    const detail = await withTenantOn(t.app.db, a.id, (tx) =>
      getIncident(tx, { incidentId: mine[0]?.incidentId as string, view: 'staff' }),
    );
    expect(detail.incident.alertCount).toBe(2);
    expect(detail.incident.reference).toMatch(/^INC-\d{6}$/);
    const values = detail.artifacts.map((x) => `${x.type}:${x.value}`);
    expect(values).toEqual(
      expect.arrayContaining(['ipv4:203.0.113.7', 'ipv4:198.51.100.9', 'host:batch-host', 'user:bob']),
    );
    const ip = detail.artifacts.find((x) => x.value === '203.0.113.7');
    expect(ip?.locations).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'src_ip' })]));
    expect(detail.timeline.map((e) => e.kind)).toContain('created');
    expect(detail.alerts[0]?.raw).toBeTruthy();
  });

  it('accepts NDJSON and text lines (CEF), with per-line errors', async () => {
    const nd = `${JSON.stringify(alert({ host: 'nd-1' }))}\n{not json\n${JSON.stringify(alert({ host: 'nd-2' }))}\n`;
    const res = await ingest(keyA, nd, { contentType: 'application/x-ndjson', raw: true });
    expect(res.status).toBe(202);
    expect(res.json.items.map((i) => i.status)).toEqual(['accepted', 'rejected', 'accepted']);
    const cef =
      'CEF:0|Palo Alto Networks|PAN-OS|10.2|threat|url filtering|8|src=10.1.2.3 dst=203.0.113.50 dhost=evil.example.net';
    const text = await ingest(keyA, `${cef}\n`, { contentType: 'text/plain', raw: true });
    expect(text.status).toBe(202);
    expect(text.json.accepted).toBe(1);
    await processed(t.database, a.id, [...acceptedIds(res.json), ...acceptedIds(text.json)]);
    const [row] = await withTenantOn(t.app.db, a.id, (tx) =>
      tx
        .select()
        .from(alerts)
        .where(eq(alerts.id, acceptedIds(text.json)[0] as string)),
    );
    expect(row).toMatchObject({ status: 'processed', mapper: 'cef' });
  });

  it('acknowledges a re-sent alert as a duplicate without storing it twice', async () => {
    const one = alert({ host: 'dedup-host' });
    const first = await ingest(keyA, one);
    const again = await ingest(keyA, [one, one]);
    expect(first.status).toBe(202);
    const firstId = acceptedIds(first.json)[0];
    expect(again.json.items).toEqual([
      { index: 0, status: 'duplicate', duplicateOf: firstId },
      { index: 1, status: 'duplicate', duplicateOf: firstId },
    ]);
    // A configured id field dedups a changed payload too.
    const ds = await addDataSource(t.database, a.id, { name: 'EDR with ids', dedupField: 'event.id' });
    const x = await ingest(ds.apiKey.key, { event: { id: 'E-1' }, title: 'x', host: 'h' });
    const y = await ingest(ds.apiKey.key, { event: { id: 'E-1' }, title: 'x changed', host: 'h' });
    expect(x.json.accepted).toBe(1);
    expect(y.json.items[0]).toEqual({ index: 0, status: 'duplicate', duplicateOf: acceptedIds(x.json)[0] });
    // Without a configured field, the worker dedups on the normalized source alert id.
    const sid = crypto.randomUUID();
    const p = await ingest(keyA, alert({ id: sid, host: 'sid-host' }));
    const q = await ingest(keyA, alert({ id: sid, host: 'sid-host', message: 'resent with another text' }));
    const [pid, qid] = [acceptedIds(p.json)[0] as string, acceptedIds(q.json)[0] as string];
    await processed(t.database, a.id, [firstId as string, acceptedIds(x.json)[0] as string, pid, qid]);
    const rows = await withTenantOn(t.app.db, a.id, (tx) => tx.select().from(alerts));
    expect(rows.filter((r) => r.hosts?.includes('dedup-host'))).toHaveLength(1);
    // pg-boss does not keep the order of a fetched batch: either may win, the other is its duplicate.
    const pair = [rows.find((r) => r.id === pid), rows.find((r) => r.id === qid)];
    const winner = pair.find((r) => r?.status === 'processed');
    const loser = pair.find((r) => r?.status === 'duplicate');
    expect(winner?.incidentId).toBeTruthy();
    expect(loser).toMatchObject({ duplicateOfAlertId: winner?.id, incidentId: null });
  });

  it('groups by rule + host within the window, numbers incidents per tenant, and links incidents sharing artifacts', async () => {
    const [t3] = await seedTenants(t.db, 1);
    if (!t3) throw new Error('seed failed');
    const key = (await addDataSource(t.database, t3.id)).apiKey.key;
    const r1 = await ingest(key, [
      alert({ host: 'srv-1', rule_name: 'R1', src_ip: '192.0.2.10' }),
      alert({ host: 'srv-1', rule_name: 'R1', src_ip: '192.0.2.11' }),
    ]);
    const r2 = await ingest(
      key,
      alert({ host: 'srv-2', rule_name: 'R1', src_ip: '192.0.2.10', user: 'eve' }),
    );
    const r3 = await ingest(
      key,
      alert({ host: 'srv-1', rule_name: 'R2', src_ip: '198.18.0.1', user: 'zed' }),
    );
    await processed(t.database, t3.id, [
      ...acceptedIds(r1.json),
      ...acceptedIds(r2.json),
      ...acceptedIds(r3.json),
    ]);
    const rows = await withTenantOn(t.app.db, t3.id, (tx) =>
      tx.select().from(incidents).orderBy(incidents.number),
    );
    expect(rows.map((r) => [r.number, r.alertCount])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    const [first, second] = rows;
    const detail = await withTenantOn(t.app.db, t3.id, (tx) =>
      getIncident(tx, { incidentId: second?.id as string, view: 'staff' }),
    );
    const toFirst = detail.related.find((r) => r.incidentId === first?.id);
    expect(toFirst?.sharedArtifacts.map((s) => s.value)).toContain('192.0.2.10');
    expect(detail.timeline.map((e) => e.kind)).toContain('related_linked');
    const relations = await withTenantOn(t.app.db, t3.id, (tx) => tx.select().from(incidentRelations));
    expect(relations.some((r) => r.incidentId === first?.id && r.relatedIncidentId === second?.id)).toBe(
      true,
    );
  });

  it('loses nothing when the worker stops mid-processing: the job is retried after restart', async () => {
    await worker?.stop();
    worker = undefined;
    const res = await ingest(keyA, [alert({ host: 'restart-1' }), alert({ host: 'restart-2' })]);
    expect(res.status).toBe(202);
    const ids = acceptedIds(res.json);
    const pending = await withTenantOn(t.app.db, a.id, (tx) =>
      tx.select({ id: alerts.id, status: alerts.status }).from(alerts),
    );
    expect(pending.filter((r) => ids.includes(r.id)).map((r) => r.status)).toEqual(['received', 'received']);
    worker = await startIngestWorker(t.database);
    await processed(t.database, a.id, ids);
  });

  it('a key of tenant A writes only into tenant A, whatever the body claims', async () => {
    const res = await ingest(keyA, alert({ host: 'claims-b', tenant_id: b.id, tenantId: b.id }));
    expect(res.status).toBe(202);
    await processed(t.database, a.id, acceptedIds(res.json));
    const inB = await withTenantOn(t.app.db, b.id, (tx) => tx.select({ id: alerts.id }).from(alerts));
    expect(inB.map((r) => r.id)).not.toContain(acceptedIds(res.json)[0]);
    const inA = await withTenantOn(t.app.db, a.id, (tx) => tx.select({ id: alerts.id }).from(alerts));
    expect(inA.map((r) => r.id)).toContain(acceptedIds(res.json)[0]);
    await expect(
      withTenantOn(t.app.db, a.id, (tx) =>
        tx
          .insert(alerts)
          .values({ tenantId: b.id, dataSourceId: crypto.randomUUID(), raw: {}, payloadHash: 'x' }),
      ),
    ).rejects.toThrow();
  });

  it("the client scope of A never sees B's incidents or artifacts; campaigns only within a scope", async () => {
    const shared = '203.0.113.200';
    const ra = await ingest(keyA, alert({ host: 'iso-a', src_ip: shared }));
    const rb = await ingest(keyB, alert({ host: 'iso-b', src_ip: shared }));
    await processed(t.database, a.id, acceptedIds(ra.json));
    await processed(t.database, b.id, acceptedIds(rb.json));
    const bIncidents = await withTenantOn(t.app.db, b.id, (tx) => listIncidents(tx, {}));
    expect(bIncidents.items.length).toBeGreaterThan(0);
    const bIncident = bIncidents.items[0]?.id as string;

    const asA = await withTenantOn(t.app.db, a.id, (tx) => listIncidents(tx, { tenantIds: [a.id, b.id] }));
    expect(asA.items.length).toBeGreaterThan(0);
    expect(asA.items.every((i) => i.tenantId === a.id)).toBe(true);
    await expect(
      withTenantOn(t.app.db, a.id, (tx) => getIncident(tx, { incidentId: bIncident, view: 'client' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const arts = await withTenantOn(t.app.db, a.id, (tx) =>
      tx.select({ tenantId: artifacts.tenantId }).from(artifacts),
    );
    expect(arts.length).toBeGreaterThan(0);
    expect(arts.every((x) => x.tenantId === a.id)).toBe(true);
    // Campaign view: nothing for one tenant's scope, the shared IOC for a scope holding both.
    expect(await withTenantOn(t.app.db, a.id, (tx) => listCampaignArtifacts(tx, {}))).toEqual([]);
    const both = await withTenantOn(t.app.db, [a.id, b.id], (tx) => listCampaignArtifacts(tx, {}));
    expect(both.find((c) => c.value === shared)).toMatchObject({
      tenantCount: 2,
      tenantIds: [a.id, b.id].sort(),
    });
  });

  it('401 for a missing, malformed, unknown or revoked key', async () => {
    const noAuth = await ingestVia(t.app)('', alert());
    expect(noAuth.status).toBe(401);
    expect(noAuth.json.error?.code).toBe('unauthorized');
    expect((await ingest('not-a-key', alert())).status).toBe(401);
    expect((await ingest(`psk_00000000_${'A'.repeat(43)}`, alert())).status).toBe(401);
    const ds = await addDataSource(t.database, a.id, { name: 'to revoke' });
    expect((await ingest(ds.apiKey.key, alert())).status).toBe(202);
    await withTenantOn(t.database.db, a.id, (tx) =>
      revokeApiKey(tx, { tenantId: a.id, keyId: ds.apiKey.id, actorUserId: null }),
    );
    const revoked = await ingest(ds.apiKey.key, alert());
    expect(revoked.status).toBe(401);
    expect(revoked.json.error?.code).toBe('unauthorized');
  });

  it('413 for a body or a batch too large, 400 for invalid JSON or an empty batch', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const tooBig = await ingest(keyA, big, { raw: true });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error?.code).toBe('payload_too_large');
    const many = await ingest(
      keyA,
      Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({ t: 1 })),
    );
    expect(many.status).toBe(413);
    expect(many.json.error?.code).toBe('batch_too_large');
    expect((await ingest(keyA, '{oops', { raw: true })).json.error?.code).toBe('invalid_json');
    expect((await ingest(keyA, [])).status).toBe(400);
    const allBad = await ingest(keyA, [1, 2]);
    expect(allBad.status).toBe(400);
    expect(allBad.json.error?.code).toBe('no_valid_items');
  });

  it('429 with Retry-After when the key runs out of tokens', async () => {
    const ds = await addDataSource(t.database, a.id, { name: 'slow', ratePerSecond: 1, rateBurst: 1000 });
    const full = await ingest(
      ds.apiKey.key,
      Array.from({ length: 1000 }, (_, i) => ({ title: 'flood', n: i })),
    );
    expect(full.status).toBe(202);
    const limited = await ingest(ds.apiKey.key, alert());
    expect(limited.status).toBe(429);
    expect(limited.json.error?.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another key is not affected.
    expect((await ingest(keyB, alert({ host: 'other-key' }))).status).toBe(202);
    await processed(t.database, a.id, acceptedIds(full.json));
  });

  it('403 for a suspended tenant', async () => {
    const [s] = await seedTenants(t.db, 1);
    if (!s) throw new Error('seed failed');
    const key = (await addDataSource(t.database, s.id)).apiKey.key;
    await t.db.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, s.id));
    const res = await ingest(key, alert());
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe('tenant_suspended');
  });

  it('checks the HMAC signature when the data source has a secret', async () => {
    const secret = 'a-long-enough-hmac-secret';
    const ds = await addDataSource(t.database, a.id, { name: 'signed', hmacSecret: secret });
    const body = JSON.stringify(alert({ host: 'signed-host' }));
    const now = Math.floor(Date.now() / 1000);
    const unsigned = await ingest(ds.apiKey.key, body, { raw: true });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error?.code).toBe('invalid_signature');
    const wrong = await ingest(ds.apiKey.key, body, {
      raw: true,
      headers: {
        'x-palisade-timestamp': String(now),
        'x-palisade-signature': signBody('other-secret-000000', now, body),
      },
    });
    expect(wrong.status).toBe(401);
    const signed = await ingest(ds.apiKey.key, body, {
      raw: true,
      headers: { 'x-palisade-timestamp': String(now), 'x-palisade-signature': signBody(secret, now, body) },
    });
    expect(signed.status).toBe(202);
    await processed(t.database, a.id, acceptedIds(signed.json));
  });
});

describe('worker stopped mid-job', () => {
  it('a job whose worker stops while it runs is failed back, retried by the next worker and processed', async () => {
    await worker?.stop();
    let started = false;
    // Same queue, a handler that never finishes: the worker is stopped while the job is active.
    const stuck = defineJob(
      PROCESS_ALERTS,
      ProcessAlertsPayload,
      async () => {
        started = true;
        await new Promise(() => {});
      },
      { ...processAlertsJob.options, retryDelaySeconds: 1, retryBackoff: false },
    );
    worker = await startWorker({
      database: t.database,
      logger: silentLog,
      port: 0,
      concurrency: 1,
      drainTimeoutMs: 300,
      jobs: [stuck],
      boss: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
    });
    const res = await ingest(keyA, alert({ host: 'mid-job' }));
    const ids = acceptedIds(res.json);
    await until('stuck handler started', async () => started);
    await worker.stop();
    const [row] = await withTenantOn(t.app.db, a.id, (tx) =>
      tx
        .select({ status: alerts.status })
        .from(alerts)
        .where(eq(alerts.id, ids[0] as string)),
    );
    expect(row?.status).toBe('received');
    worker = await startIngestWorker(t.database);
    await processed(t.database, a.id, ids);
    const [done] = await withTenantOn(t.app.db, a.id, (tx) =>
      tx
        .select({ status: alerts.status, incidentId: alerts.incidentId })
        .from(alerts)
        .where(eq(alerts.id, ids[0] as string)),
    );
    expect(done?.status).toBe('processed');
    expect(done?.incidentId).toBeTruthy();
  });
});
