import { randomBytes } from 'node:crypto';
import {
  resolveCredential,
  setMsspCredential,
  setTenantCredential,
} from '@palisade/db/queries/enrichment/integration-credentials';
import { upsertThreatIndicators } from '@palisade/db/queries/enrichment/threat-indicators';
import { integrationCredentials, reputationCache } from '@palisade/db/schema';
import { type SeededTenant, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EnrichOptions, enrichArtifact } from './enrich-artifact';
import type { OsintProvider } from './osint-provider';
import { greynoise } from './providers/greynoise';
import { virustotal } from './providers/virustotal';
import { type FakeServer, startFakeServer } from './test/fake-provider-server';
import * as fx from './test/vendor-fixtures';
import type { Artifact } from './verdict';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
const key = randomBytes(32);
// Generous buckets: these tests are about cache, credentials and failures, not rate limits.
const roomy = (p: OsintProvider): OsintProvider => ({
  ...p,
  rateLimit: { capacity: 10_000, refillPerSecond: 10_000 },
});
const vt = roomy(virustotal);
const gn = roomy(greynoise);

let a: SeededTenant;
let b: SeededTenant;
let vtServer: FakeServer;
let gnServer: FakeServer;
let counter = 0;
/** A fresh IP per test so the shared cache never carries answers from one test into another. */
const freshIp = (): Artifact => ({ type: 'ipv4', value: `198.51.100.${++counter}` });

const options = (over: Partial<EnrichOptions> = {}): EnrichOptions => ({
  db: t.app.db,
  secretKey: key,
  providers: [vt, gn],
  baseUrls: { virustotal: vtServer.url, greynoise: gnServer.url },
  timeoutMs: 1_000,
  backoff: { baseMs: 10, maxMs: 50 },
  maxWaitMs: 2_000,
  localIntel: false,
  ...over,
});

const keysSeen = (server: FakeServer) => server.requests.map((r) => r.headers['x-apikey']);

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  vtServer = await startFakeServer();
  gnServer = await startFakeServer();
  await withTenantOn(t.app.db, a.id, (tx) =>
    setTenantCredential(tx, key, {
      tenantId: a.id,
      provider: 'virustotal',
      secret: 'key-A',
      actorUserId: null,
    }),
  );
});
afterAll(async () => {
  await vtServer.close();
  await gnServer.close();
});
beforeEach(() => {
  vtServer.requests.length = 0;
  gnServer.requests.length = 0;
  vtServer.reply({ status: 200, body: fx.vtIpMalicious });
  gnServer.reply({ status: 200, body: fx.greynoiseScanner });
});

describe('shared reputation cache', () => {
  it('a lookup by tenant A answers tenant B from the cache, and the cache never records who asked', async () => {
    await withTenantOn(t.app.db, a.id, (tx) =>
      setMsspCredential(tx, key, { provider: 'virustotal', secret: 'key-mssp', actorUserId: null }),
    );
    const ip = freshIp();
    const first = await enrichArtifact(options(), { tenantId: a.id, artifact: ip });
    expect(first.outcomes.find((o) => o.provider === 'virustotal')).toMatchObject({
      cached: false,
      result: { verdict: 'malicious' },
    });
    expect(first.verdict).toBe('malicious');
    const second = await enrichArtifact(options(), { tenantId: b.id, artifact: ip });
    expect(second.outcomes.map((o) => [o.provider, o.cached])).toEqual([
      ['virustotal', true],
      ['greynoise', true],
    ]);
    expect(second.outcomes[0]?.result).toEqual(first.outcomes[0]?.result);
    expect(vtServer.requests).toHaveLength(1);
    expect(keysSeen(vtServer)).toEqual(['key-A']);

    const columns = await t.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'reputation_cache' order by 1`,
    );
    // postgres.js returns the rows, PGlite `{ rows }`.
    const list = (Array.isArray(columns) ? columns : (columns as { rows: unknown[] }).rows) as {
      column_name: string;
    }[];
    expect(list.map((c) => c.column_name).sort()).toEqual(
      ['artifact_type', 'expires_at', 'fetched_at', 'provider', 'value', 'verdict'].sort(),
    );
    const rows = await t.db.select().from(reputationCache).where(sql`${reputationCache.value} = ${ip.value}`);
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    for (const secret of [a.id, b.id, 'key-A', 'key-mssp', a.slug]) expect(stored).not.toContain(secret);
  });

  it('an expired entry is fetched again', async () => {
    const ip = freshIp();
    await enrichArtifact(options({ providers: [vt] }), { tenantId: a.id, artifact: ip });
    await t.db.execute(
      sql`update reputation_cache set expires_at = now() - interval '1 second' where value = ${ip.value}`,
    );
    const again = await enrichArtifact(options({ providers: [vt] }), { tenantId: a.id, artifact: ip });
    expect(again.outcomes[0]?.cached).toBe(false);
    expect(vtServer.requests).toHaveLength(2);
  });
});

describe('credentials per tenant', () => {
  it("uses a tenant's own key only for that tenant; others fall back to the MSSP default or to none", async () => {
    await withTenantOn(t.app.db, a.id, (tx) => tx.execute(sql`delete from mssp_integration_credentials`));
    const ipB = freshIp();
    const none = await enrichArtifact(options({ providers: [vt] }), { tenantId: b.id, artifact: ipB });
    expect(none.outcomes[0]?.result).toMatchObject({ status: 'unavailable', reason: 'not_configured' });
    expect(vtServer.requests).toHaveLength(0);

    await withTenantOn(t.app.db, a.id, (tx) =>
      setMsspCredential(tx, key, { provider: 'virustotal', secret: 'key-mssp', actorUserId: null }),
    );
    await enrichArtifact(options({ providers: [vt] }), { tenantId: b.id, artifact: ipB });
    await enrichArtifact(options({ providers: [vt] }), { tenantId: a.id, artifact: freshIp() });
    expect(keysSeen(vtServer)).toEqual(['key-mssp', 'key-A']);
  });

  it("a tenant's sealed key copied into another tenant's row does not open", async () => {
    const [row] = await t.db
      .select()
      .from(integrationCredentials)
      .where(sql`${integrationCredentials.tenantId} = ${a.id}`);
    expect(row?.secret).toMatch(/^v1\./);
    expect(row?.secret).not.toContain('key-A');
    await t.db
      .insert(integrationCredentials)
      .values({ tenantId: b.id, provider: 'virustotal', secret: row?.secret ?? '' });
    await expect(
      withTenantOn(t.app.db, b.id, (tx) =>
        resolveCredential(tx, key, { tenantId: b.id, provider: 'virustotal' }),
      ),
    ).rejects.toThrow(/authenticate/);
    await t.db.delete(integrationCredentials).where(sql`${integrationCredentials.tenantId} = ${b.id}`);
    // Positive control: A's own row opens in A's scope.
    expect(
      await withTenantOn(t.app.db, a.id, (tx) =>
        resolveCredential(tx, key, { tenantId: a.id, provider: 'virustotal' }),
      ),
    ).toEqual({ source: 'tenant', secret: 'key-A', baseUrl: null });
  });

  it('a tenant that disabled a provider is not looked up for it, even with an MSSP default', async () => {
    await withTenantOn(t.app.db, b.id, (tx) =>
      setTenantCredential(tx, key, {
        tenantId: b.id,
        provider: 'virustotal',
        enabled: false,
        actorUserId: null,
      }),
    );
    const result = await enrichArtifact(options({ providers: [vt] }), {
      tenantId: b.id,
      artifact: freshIp(),
    });
    expect(result.outcomes[0]?.result).toMatchObject({ status: 'unavailable', reason: 'disabled' });
    expect(vtServer.requests).toHaveLength(0);
    await t.db.delete(integrationCredentials).where(sql`${integrationCredentials.tenantId} = ${b.id}`);
  });
});

describe('failures', () => {
  it('429 with Retry-After is retried after the delay the server asked for', async () => {
    vtServer.reply(
      { status: 429, body: fx.vtQuota, headers: { 'retry-after': '1' } },
      { status: 200, body: fx.vtIpMalicious },
    );
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const result = await enrichArtifact(options({ providers: [vt], sleep }), {
      tenantId: a.id,
      artifact: freshIp(),
    });
    expect(result.outcomes[0]?.result).toMatchObject({ status: 'ok', verdict: 'malicious' });
    expect(vtServer.requests).toHaveLength(2);
    // The header's second, not the 10-50 ms backoff.
    expect(waits).toEqual([1_000]);
  });

  it('a Retry-After beyond the wait budget gives up at once as rate_limited', async () => {
    vtServer.reply({ status: 429, body: fx.vtQuota, headers: { 'retry-after': '3600' } });
    const result = await enrichArtifact(options({ providers: [vt] }), {
      tenantId: a.id,
      artifact: freshIp(),
    });
    expect(result.outcomes[0]?.result).toMatchObject({ status: 'unavailable', reason: 'rate_limited' });
    expect(vtServer.requests).toHaveLength(1);
  });

  it('5xx is retried up to maxAttempts, then unavailable, while the other provider still answers', async () => {
    vtServer.reply({ status: 502, body: { error: 'bad gateway' } });
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const result = await enrichArtifact(options({ sleep }), { tenantId: a.id, artifact: freshIp() });
    expect(vtServer.requests).toHaveLength(3);
    // Exponential backoff with jitter: at most 10 ms, then at most 20 ms.
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(10);
    expect(waits[1]).toBeLessThanOrEqual(20);
    expect(result.outcomes.map((o) => [o.provider, o.result.status])).toEqual([
      ['virustotal', 'unavailable'],
      ['greynoise', 'ok'],
    ]);
    expect(result.verdict).toBe('malicious');
  });

  it('5xx then success is a verdict, and a failure is never cached', async () => {
    const ip = freshIp();
    vtServer.reply({ status: 503 }, { status: 200, body: fx.vtIpMalicious });
    const result = await enrichArtifact(options({ providers: [vt] }), { tenantId: a.id, artifact: ip });
    expect(result.outcomes[0]?.result.status).toBe('ok');
    vtServer.reply({ status: 503 });
    const failing = freshIp();
    await enrichArtifact(options({ providers: [vt] }), { tenantId: a.id, artifact: failing });
    const cached = await t.db
      .select()
      .from(reputationCache)
      .where(sql`${reputationCache.value} = ${failing.value}`);
    expect(cached).toEqual([]);
  });

  it('a timeout and a dead host are unavailable; the rest completes', async () => {
    vtServer.reply({ status: 200, body: fx.vtIpMalicious, delayMs: 3_000 });
    const slow = await enrichArtifact(options({ timeoutMs: 200 }), { tenantId: a.id, artifact: freshIp() });
    expect(slow.outcomes.map((o) => [o.provider, o.result.status])).toEqual([
      ['virustotal', 'unavailable'],
      ['greynoise', 'ok'],
    ]);
    expect(slow.outcomes[0]?.result).toMatchObject({ reason: 'timeout' });

    const dead = await startFakeServer();
    const deadUrl = dead.url;
    await dead.close();
    const down = await enrichArtifact(
      options({ baseUrls: { virustotal: deadUrl, greynoise: gnServer.url } }),
      {
        tenantId: a.id,
        artifact: freshIp(),
      },
    );
    expect(down.outcomes[0]?.result).toMatchObject({ status: 'unavailable', reason: 'network' });
    expect(down.outcomes[1]?.result.status).toBe('ok');
  });

  it('401 is an error result that needs a human, not cached', async () => {
    vtServer.reply({ status: 401, body: fx.vtWrongCredentials });
    const result = await enrichArtifact(options({ providers: [vt] }), {
      tenantId: a.id,
      artifact: freshIp(),
    });
    expect(result.outcomes[0]?.result).toMatchObject({ status: 'error', reason: 'unauthorized' });
    expect(vtServer.requests).toHaveLength(1);
  });
});

describe('local threat intel', () => {
  it("answers from the tenant's own indicators, offline, never from another tenant's and never into the cache", async () => {
    const ip = freshIp();
    await withTenantOn(t.app.db, a.id, (tx) =>
      upsertThreatIndicators(tx, [
        {
          tenantId: a.id,
          type: 'ipv4',
          value: ip.value,
          verdict: 'malicious',
          score: 90,
          source: 'misp:feed-1',
          description: 'C2',
        },
      ]),
    );
    const local = { providers: [], localIntel: true };
    const forA = await enrichArtifact(options(local), { tenantId: a.id, artifact: ip });
    expect(forA.outcomes).toEqual([
      expect.objectContaining({
        provider: 'local',
        result: expect.objectContaining({ verdict: 'malicious', score: 90 }),
      }),
    ]);
    const forB = await enrichArtifact(options(local), { tenantId: b.id, artifact: ip });
    expect(forB.outcomes[0]?.result).toMatchObject({ verdict: 'unknown' });
    const cached = await t.db
      .select()
      .from(reputationCache)
      .where(sql`${reputationCache.provider} = 'local'`);
    expect(cached).toEqual([]);
  });
});
