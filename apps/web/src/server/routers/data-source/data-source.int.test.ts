import { hashApiKey } from '@palisade/db/queries/ingest/api-key';
import { authenticateIngestKey } from '@palisade/db/queries/ingest/authenticate-ingest-key';
import { auditLog } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { desc } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

const auth = (key: string) => authenticateIngestKey(t.app.db, { keyHash: hashApiKey(key), cost: 1 });

describe('data sources', () => {
  it('an admin creates a source: the key is returned once, works for intake, and is listed by prefix only', async () => {
    const admin = await callerFor(fx.admin);
    const created = await admin.dataSource.create({
      tenantId: fx.a.id,
      name: 'Splunk prod',
      mapper: 'splunk',
      dedupField: 'result.event_id',
    });
    expect(created.apiKey.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect(await auth(created.apiKey.key)).toMatchObject({
      status: 'ok',
      tenantId: fx.a.id,
      dataSourceId: created.dataSource.id,
      mapper: { kind: 'builtin', name: 'splunk' },
      dedupField: 'result.event_id',
    });

    const [listed] = await admin.dataSource.list({ tenantId: fx.a.id });
    expect(listed).toMatchObject({ id: created.dataSource.id, name: 'Splunk prod', tenantName: fx.a.name });
    expect(listed?.keys).toEqual([
      expect.objectContaining({ id: created.apiKey.id, prefix: created.apiKey.prefix }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.apiKey.key);

    const audit = await withTenant(fx.a.id, (tx) => tx.select().from(auditLog).orderBy(desc(auditLog.at)));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['data_source.create', 'data_source.api_key.create']),
    );
    expect(audit.find((e) => e.action === 'data_source.create')?.actorUserId).toBe(fx.admin.id);
  });

  it('a revoked key stops authenticating at once; a new key works', async () => {
    const admin = await callerFor(fx.admin);
    const created = await admin.dataSource.create({ tenantId: fx.c.id, name: 'EDR' });
    await admin.dataSource.revoke({ tenantId: fx.c.id, keyId: created.apiKey.id });
    expect(await auth(created.apiKey.key)).toEqual({ status: 'revoked' });
    const rotated = await admin.dataSource.createKey({
      tenantId: fx.c.id,
      dataSourceId: created.dataSource.id,
    });
    expect(await auth(rotated.key)).toMatchObject({ status: 'ok', tenantId: fx.c.id });
    const [listed] = await admin.dataSource.list({ tenantId: fx.c.id });
    expect(listed?.keys.map((k) => [k.id, k.revokedAt !== null])).toEqual([
      [rotated.id, false],
      [created.apiKey.id, true],
    ]);
  });

  it('analysts list the sources of their tenants but cannot create or revoke', async () => {
    const admin = await callerFor(fx.admin);
    const inB = await admin.dataSource.create({ tenantId: fx.b.id, name: 'Only B' });
    const analyst = await callerFor(fx.analyst);
    const names = (await analyst.dataSource.list({})).map((s) => s.name);
    expect(names).toContain('Splunk prod');
    expect(names).not.toContain('Only B');
    await expect(analyst.dataSource.create({ tenantId: fx.a.id, name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      analyst.dataSource.revoke({ tenantId: fx.b.id, keyId: inB.apiKey.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auth(inB.apiKey.key)).toMatchObject({ status: 'ok' });
  });

  it('rejects a duplicate name per tenant and an invalid dedup field', async () => {
    const admin = await callerFor(fx.admin);
    await expect(
      admin.dataSource.create({ tenantId: fx.a.id, name: 'x', dedupField: 'a..b' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await admin.dataSource.create({ tenantId: fx.a.id, name: 'Twice' });
    await expect(admin.dataSource.create({ tenantId: fx.a.id, name: 'Twice' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await admin.dataSource.create({ tenantId: fx.c.id, name: 'Twice' });
  });
});
