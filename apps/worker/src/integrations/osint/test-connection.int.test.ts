import { randomBytes } from 'node:crypto';
import {
  setMsspCredential,
  setTenantCredential,
} from '@palisade/db/queries/enrichment/integration-credentials';
import { type SeededTenant, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abuseipdb } from './providers/abuseipdb';
import { virustotal } from './providers/virustotal';
import { type FakeServer, startFakeServer } from './test/fake-provider-server';
import * as fx from './test/vendor-fixtures';
import { testConnection } from './test-connection';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
const key = randomBytes(32);
let a: SeededTenant;
let b: SeededTenant;
let server: FakeServer;

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  server = await startFakeServer();
  await withTenantOn(t.app.db, a.id, async (tx) => {
    await setTenantCredential(tx, key, {
      tenantId: a.id,
      provider: 'virustotal',
      secret: 'vt-a',
      baseUrl: server.url,
      actorUserId: null,
    });
    await setMsspCredential(tx, key, {
      provider: 'abuseipdb',
      secret: 'abuse-mssp',
      baseUrl: server.url,
      actorUserId: null,
    });
  });
});
afterAll(() => server.close());

const probe = (tenantId: string, provider = virustotal) =>
  testConnection({ db: t.app.db, secretKey: key, timeoutMs: 2_000 }, { tenantId, provider });

describe('testConnection', () => {
  it("probes with the tenant's own key and reports success", async () => {
    server.reply({ status: 200, body: fx.vtFileClean });
    expect(await probe(a.id)).toEqual({ ok: true, source: 'tenant', message: 'connected' });
    expect(server.requests.at(-1)?.headers['x-apikey']).toBe('vt-a');
  });

  it('reports refused credentials and provider errors without throwing', async () => {
    server.reply({ status: 401, body: fx.vtWrongCredentials });
    expect(await probe(a.id)).toMatchObject({ ok: false, message: 'provider refused the credentials (401)' });
    server.reply({ status: 503 });
    expect(await probe(a.id)).toMatchObject({ ok: false, message: 'provider error 503' });
  });

  it("uses the MSSP default for a tenant without its own key; never A's key for B", async () => {
    server.reply({ status: 200, body: fx.abuseCheckMalicious });
    expect(await probe(b.id, abuseipdb)).toEqual({ ok: true, source: 'mssp', message: 'connected' });
    expect(server.requests.at(-1)?.headers.key).toBe('abuse-mssp');
    const before = server.requests.length;
    expect(await probe(b.id)).toEqual({ ok: false, source: 'none', message: 'not configured' });
    expect(server.requests).toHaveLength(before);
  });
});
