import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { resolveCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { auditLog, integrationCredentials } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { startElasticStandIn } from '@palisade/worker/integrations/elastic/test/elastic-stand-in';
import { startJsonApiStandIn } from '@palisade/worker/integrations/http-poll/test/json-api-stand-in';
import type { StandIn } from '@palisade/worker/integrations/http-poll/test/stand-in-server';
import { startMispStandIn } from '@palisade/worker/integrations/misp/test/misp-stand-in';
import { startSentinelStandIn } from '@palisade/worker/integrations/sentinel/test/sentinel-stand-in';
import { startSplunkStandIn } from '@palisade/worker/integrations/splunk/test/splunk-stand-in';
import { startTaxiiStandIn } from '@palisade/worker/integrations/taxii/test/taxii-stand-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
const standIns: StandIn[] = [];

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});
afterAll(async () => {
  await Promise.all(standIns.map((s) => s.close()));
});

async function started<S extends StandIn>(s: Promise<S>): Promise<S> {
  const standIn = await s;
  standIns.push(standIn);
  return standIn;
}

const admin = () => callerFor(fx.admin);

/** What a daemon's `secrets.<name>: { credential: id }` would get for tenant A. */
const resolvedForA = (provider: string) =>
  withTenant(fx.a.id, (tx) => resolveCredential(tx, atRestKey(), { tenantId: fx.a.id, provider }));

describe('integrations: daemon connector credentials', () => {
  it('stores a Splunk token write-only: list shows "set" and when, never the token', async () => {
    const splunk = await started(startSplunkStandIn('splunk-token-of-a'));
    const api = await admin();
    expect(
      await api.integrations.setCredential({
        tenantId: fx.a.id,
        provider: 'splunk',
        fields: { token: 'splunk-token-of-a' },
        baseUrl: splunk.url,
      }),
    ).toEqual({ provider: 'splunk', scope: 'tenant', configured: true });

    const listed = await (await callerFor(fx.analyst)).integrations.list({ tenantId: fx.a.id });
    const entry = listed.find((p) => p.id === 'splunk');
    expect(entry).toMatchObject({
      category: 'daemon',
      kind: 'splunk',
      connectorKinds: ['splunk'],
      status: { effective: 'tenant', tenant: { configured: true, baseUrl: splunk.url } },
    });
    expect(entry?.status?.tenant?.updatedAt).toBeInstanceOf(Date);
    expect(entry?.category === 'daemon' && entry.fields).toEqual([
      { key: 'token', label: 'Authentication token', secret: true, options: null, required: true },
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/splunk-token-of-a|v1\./);
    // The OSINT providers are still listed next to the daemon credentials.
    expect(listed.find((p) => p.id === 'virustotal')?.category).toBe('osint');
    // The sealed secret is exactly what the Splunk connector reads.
    expect(await resolvedForA('splunk')).toEqual({
      source: 'tenant',
      secret: 'splunk-token-of-a',
      baseUrl: splunk.url,
    });

    const [audit] = await withTenant(fx.a.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.target, 'integration:splunk')),
    );
    expect(audit?.action).toBe('integration.credential_set');
    expect(JSON.stringify(audit)).not.toContain('splunk-token-of-a');
  });

  it('tests Splunk with its client: connected, then the reason when the token is refused', async () => {
    const splunk = await started(startSplunkStandIn('right-token'));
    const api = await admin();
    await api.integrations.setCredential({
      tenantId: fx.a.id,
      provider: 'splunk-prod',
      fields: { token: 'right-token' },
      baseUrl: splunk.url,
    });
    const analyst = await callerFor(fx.analyst);
    expect(await analyst.integrations.testConnection({ tenantId: fx.a.id, provider: 'splunk-prod' })).toEqual(
      {
        ok: true,
        source: 'tenant',
        message: 'connected: search API reachable',
      },
    );
    await api.integrations.setCredential({
      tenantId: fx.a.id,
      provider: 'splunk-prod',
      fields: { token: 'wrong-token' },
    });
    const refused = await analyst.integrations.testConnection({ tenantId: fx.a.id, provider: 'splunk-prod' });
    expect(refused).toMatchObject({ ok: false, source: 'tenant' });
    expect(refused.message).toMatch(/^Splunk: .*401/);
    // A named credential is listed under its own id.
    const listed = await analyst.integrations.list({ tenantId: fx.a.id });
    expect(listed.find((p) => p.id === 'splunk-prod')).toMatchObject({
      kind: 'splunk',
      name: 'Splunk (splunk-prod)',
    });
  });

  it('tests Elastic, MISP, TAXII (basic) and the generic HTTP API against their stand-ins', async () => {
    const elastic = await started(startElasticStandIn('ZWxhc3RpYzprZXk='));
    const misp = await started(startMispStandIn('misp-key-0123456789'));
    const taxii = await started(startTaxiiStandIn());
    const json = await started(startJsonApiStandIn());
    const api = await admin();
    const cases: {
      provider: string;
      fields: Record<string, string>;
      baseUrl: string;
      params: Record<string, string>;
    }[] = [
      { provider: 'elastic', fields: { apiKey: 'ZWxhc3RpYzprZXk=' }, baseUrl: elastic.url, params: {} },
      // `misp` itself is the OSINT provider's (same key and URL); a named MISP credential is a daemon one.
      { provider: 'misp-intel', fields: { apiKey: 'misp-key-0123456789' }, baseUrl: misp.url, params: {} },
      {
        provider: 'taxii',
        fields: { username: taxii.user, password: taxii.password },
        baseUrl: `${taxii.url}/taxii2/`,
        params: { auth: 'basic' },
      },
      {
        provider: 'http',
        fields: { value: 'api-token' },
        baseUrl: `${json.url}/offset`,
        params: { auth: 'bearer', itemsPath: 'data.items' },
      },
    ];
    for (const c of cases) {
      await api.integrations.setCredential({
        tenantId: fx.a.id,
        provider: c.provider,
        fields: c.fields,
        baseUrl: c.baseUrl,
      });
      const result = await api.integrations.testConnection({
        tenantId: fx.a.id,
        provider: c.provider,
        params: c.params,
      });
      expect({ provider: c.provider, ok: result.ok, message: result.message }).toMatchObject({
        provider: c.provider,
        ok: true,
      });
    }
    // TAXII basic auth is stored as the `user:password` the connector sends.
    expect(await resolvedForA('taxii')).toMatchObject({ secret: `${taxii.user}:${taxii.password}` });
    expect(misp.requests.some((r) => r.url.pathname === '/attributes/restSearch')).toBe(true);
  });

  it('tests Sentinel with the tenant and client id given for the test only', async () => {
    const sentinel = await started(startSentinelStandIn());
    const api = await admin();
    await api.integrations.setCredential({
      tenantId: fx.a.id,
      provider: 'sentinel',
      fields: { clientSecret: sentinel.clientSecret },
      baseUrl: sentinel.url,
    });
    const params = {
      azureTenantId: sentinel.azureTenantId,
      clientId: sentinel.clientId,
      subscriptionId: 'sub-1',
      resourceGroup: 'rg-security',
      workspace: 'law-client',
      authorityUrl: sentinel.url,
    };
    expect(
      await api.integrations.testConnection({ tenantId: fx.a.id, provider: 'sentinel', params }),
    ).toEqual({ ok: true, source: 'tenant', message: 'connected: token issued and incidents readable' });
    const wrongClient = await api.integrations.testConnection({
      tenantId: fx.a.id,
      provider: 'sentinel',
      params: { ...params, clientId: 'someone-else' },
    });
    expect(wrongClient.ok).toBe(false);
    expect(wrongClient.message).toMatch(/Microsoft Sentinel token: .*401/);
    await expect(
      api.integrations.testConnection({ tenantId: fx.a.id, provider: 'sentinel', params: { clientId: 'x' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('reports an IMAP server that cannot be reached', async () => {
    // A TCP server that hangs up at once: no IMAP greeting.
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const api = await admin();
      await api.integrations.setCredential({
        tenantId: fx.a.id,
        provider: 'imap-phishing',
        fields: { password: 'mail-pass' },
      });
      const result = await api.integrations.testConnection({
        tenantId: fx.a.id,
        provider: 'imap-phishing',
        params: { host: '127.0.0.1', port, secure: 'plain', user: 'soc' },
      });
      expect(result).toMatchObject({ ok: false, source: 'tenant' });
      expect(result.message).toMatch(/^IMAP: cannot connect to 127\.0\.0\.1/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses bad fields per kind and writes nothing', async () => {
    const api = await admin();
    const stored = () =>
      withTenant(fx.a.id, (tx) =>
        tx
          .select()
          .from(integrationCredentials)
          .where(
            and(eq(integrationCredentials.tenantId, fx.a.id), eq(integrationCredentials.provider, 'taxii-b')),
          ),
      );
    await expect(
      api.integrations.setCredential({
        tenantId: fx.a.id,
        provider: 'taxii-b',
        fields: { username: 'only' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      api.integrations.setCredential({ tenantId: fx.a.id, provider: 'splunk', apiKey: 'osint-style' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      api.integrations.setCredential({ tenantId: fx.a.id, provider: 'virustotal', fields: { token: 'x' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      api.integrations.setCredential({ tenantId: fx.a.id, provider: 'nosuchkind', fields: { token: 'x' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await stored()).toEqual([]);
  });

  it("keeps tenant B's daemon credential out of tenant A's client's reach", async () => {
    const api = await admin();
    await api.integrations.setCredential({
      tenantId: fx.b.id,
      provider: 'elastic',
      fields: { apiKey: 'key-of-b' },
      baseUrl: 'https://kibana.b.example',
    });
    const clientA = await callerFor(fx.clientA);
    await expect(
      clientA.integrations.setCredential({ tenantId: fx.b.id, provider: 'elastic', fields: { apiKey: 'x' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(clientA.integrations.list({ tenantId: fx.b.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const forA = await api.integrations.list({ tenantId: fx.a.id });
    expect(forA.find((p) => p.id === 'elastic')?.status?.tenant?.baseUrl).not.toBe(
      'https://kibana.b.example',
    );
  });
});
