import { alerts } from '@palisade/db/schema';
import { type SeededTenant, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDataSource, ingestVia } from './test/ingest-harness';

// A database no worker has started against: pg-boss is not installed, so no queue exists.
// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let tenant: SeededTenant;
let key: string;

beforeAll(async () => {
  const [first] = await seedTenants(t.db, 1);
  if (!first) throw new Error('seed failed');
  tenant = first;
  key = (await addDataSource(t.database, tenant.id)).apiKey.key;
});

describe('POST /api/ingest/v1/alerts before any worker has run', () => {
  it('answers 503 with Retry-After and stores nothing, so the sender retries', async () => {
    const res = await ingestVia(t.app)(key, [{ id: 'evt-1', title: 'Suspicious login', host: 'web-01' }]);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.json.error?.code).toBe('queue_unavailable');
    expect(await withTenantOn(t.db, tenant.id, (tx) => tx.select().from(alerts))).toEqual([]);
  });
});
