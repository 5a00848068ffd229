import { randomBytes } from 'node:crypto';
import { setTenantCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { artifacts, incidentArtifacts, incidents, listEntries } from '@palisade/db/schema';
import { type SeededTenant, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { ActionContext } from '@palisade/playbook/action-registry';
import { enrichArtifact } from '@palisade/playbook/actions/enrich-artifact';
import { enrichIncident } from '@palisade/playbook/actions/enrich-incident';
import { listAdd } from '@palisade/playbook/actions/list-add';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeServer, startFakeServer } from '../../integrations/osint/test/fake-provider-server';
import { greynoiseScanner, urlscanSearch } from '../../integrations/osint/test/vendor-fixtures';
import { buildActionTable } from '../action-table';
import { ExecutorConfig } from '../executor-config';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
const key = randomBytes(32);
let a: SeededTenant;
let server: FakeServer;
const table = buildActionTable(ExecutorConfig.parse({}));

const ctx = (tenantId: string): ActionContext => ({
  tenantId,
  runId: crypto.randomUUID(),
  stepId: 'step',
  attempt: 1,
  idempotencyKey: 'k',
  signal: new AbortController().signal,
});

beforeAll(async () => {
  process.env.PALISADE_SECRET_KEY = key.toString('hex');
  [a] = (await seedTenants(t.db, 1)) as [SeededTenant];
  // The handlers use the global fetch: anything but the stand-in would be the internet.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (url: string | URL | Request, init?: RequestInit) => {
    const href = url instanceof Request ? url.url : String(url);
    if (!href.startsWith('http://127.0.0.1:'))
      return Promise.reject(new Error(`test tried to reach ${href}`));
    return realFetch(url, init);
  });
  // Both keyless providers point here, so no lookup leaves the machine.
  server = await startFakeServer((req) =>
    req.path.startsWith('/api/v1/search')
      ? { status: 200, body: urlscanSearch }
      : { status: 200, body: greynoiseScanner },
  );
  await withTenantOn(t.db, a.id, async (tx) => {
    for (const provider of ['greynoise', 'urlscan']) {
      await setTenantCredential(tx, key, {
        tenantId: a.id,
        provider,
        baseUrl: server.url,
        actorUserId: null,
      });
    }
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

describe('enrichment playbook actions', () => {
  it('are registered with handlers', () => {
    expect(table.get('enrich.artifact')?.mode).toBe('io');
    expect(table.get('list.add')?.mode).toBe('tx');
    expect(table.get('enrich.incident')?.mode).toBe('io');
  });

  it('enrich.artifact judges artifacts through the configured provider and reports unknown types as unknown', async () => {
    const impl = table.get('enrich.artifact');
    const input = enrichArtifact.input.parse({
      artifacts: [
        { type: 'ipv4', value: '198.51.100.7' },
        { type: 'file_path', value: 'C:\\x.exe' },
      ],
      providers: ['greynoise'],
    });
    const out = enrichArtifact.output.parse(await impl?.run(input as never, ctx(a.id), undefined as never));
    expect(out.worst).toBe('malicious');
    expect(out.results[0]?.providers).toContainEqual(
      expect.objectContaining({ provider: 'greynoise', status: 'ok', verdict: 'malicious' }),
    );
    expect(out.results[1]).toMatchObject({ verdict: 'unknown', providers: [] });
    expect(server.requests).toHaveLength(1);
  });

  it("enrich.incident stores the incident's enrichment and reports what it found", async () => {
    const incidentId = crypto.randomUUID();
    const artifactId = crypto.randomUUID();
    const now = new Date();
    await t.db.insert(incidents).values({
      tenantId: a.id,
      id: incidentId,
      number: 7,
      title: 'C2',
      severity: 'high',
      priority: 'p2',
      firstAlertAt: now,
      lastAlertAt: now,
    });
    await t.db
      .insert(artifacts)
      .values({ tenantId: a.id, id: artifactId, type: 'ipv4', value: '198.51.100.9' });
    await t.db.insert(incidentArtifacts).values({ tenantId: a.id, incidentId, artifactId });
    const impl = table.get('enrich.incident');
    const out = enrichIncident.output.parse(
      await impl?.run(enrichIncident.input.parse({ incidentId }) as never, ctx(a.id), undefined as never),
    );
    expect(out).toMatchObject({
      worst: 'malicious',
      counts: { malicious: 1 },
      priorityDelta: 0,
      suppressed: [],
    });
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(
      expect.arrayContaining(['/v3/community/198.51.100.9', '/api/v1/search/']),
    );
  });

  it("list.add writes into the run's tenant with the playbook as source and an expiry", async () => {
    const impl = table.get('list.add');
    const input = listAdd.input.parse({
      list: 'block',
      value: 'evil.example',
      reason: 'confirmed C2',
      expiresInDays: 30,
    });
    const c = ctx(a.id);
    const out = await withTenantOn(
      t.db,
      a.id,
      (tx) => impl?.run(input as never, c, tx) as Promise<{ id: string }>,
    );
    const [row] = await t.db.select().from(listEntries).where(eq(listEntries.id, out.id));
    expect(row).toMatchObject({
      tenantId: a.id,
      list: 'block',
      value: 'evil.example',
      source: `playbook:${c.runId}`,
    });
    expect(row?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });
});
