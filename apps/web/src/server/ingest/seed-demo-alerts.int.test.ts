import { listCampaignArtifacts } from '@palisade/db/queries/incidents/list-campaign-artifacts';
import { listIncidents } from '@palisade/db/queries/incidents/list-incidents';
import { alerts } from '@palisade/db/schema';
import { DEMO_TENANTS, seedDemo } from '@palisade/db/seed';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { RunningWorker } from '@palisade/worker/start-worker';
import { ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAlerts } from './seed-demo-alerts';
import { silentLog, startIngestWorker, testSecretKey, until } from './test/ingest-harness';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let worker: RunningWorker;
const ids = DEMO_TENANTS.map((d) => d.id);

beforeAll(async () => {
  await seedDemo(t.db);
  worker = await startIngestWorker(t.database);
});
afterAll(async () => {
  await worker.stop();
});

describe('seedDemoAlerts', () => {
  it('sends demo alerts through the intake; the worker turns them into incidents per tenant, once', async () => {
    const first = await seedDemoAlerts(t.database, { log: silentLog, secretKey: () => testSecretKey });
    expect(first.tenants).toBe(DEMO_TENANTS.length);
    expect(first.accepted).toBeGreaterThanOrEqual(DEMO_TENANTS.length * 8);
    await until('demo alerts processed', async () => {
      const pending = await withTenantOn(t.app.db, ids, (tx) =>
        tx.select({ id: alerts.id }).from(alerts).where(ne(alerts.status, 'processed')),
      );
      return pending.length === 0;
    });
    for (const tenantId of ids) {
      const page = await withTenantOn(t.app.db, tenantId, (tx) => listIncidents(tx, {}));
      // Grouping merges some alerts: fewer incidents than alerts, several sources.
      expect(page.items.length).toBeGreaterThanOrEqual(5);
      expect(new Set(page.items.map((i) => i.sourceProduct)).size).toBeGreaterThanOrEqual(3);
    }
    const campaigns = await withTenantOn(t.app.db, ids, (tx) => listCampaignArtifacts(tx, {}));
    expect(campaigns.find((c) => c.value === '185.220.101.7')?.tenantCount).toBe(DEMO_TENANTS.length);
    const again = await seedDemoAlerts(t.database, { log: silentLog, secretKey: () => testSecretKey });
    expect(again).toEqual({ tenants: 0, accepted: 0 });
  });
});
