import { useTestDatabase } from '@palisade/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

describe('tenant.list', () => {
  it('gives an analyst only the assigned tenants', async () => {
    const analyst = await callerFor(fx.analyst);
    const names = (await analyst.tenant.list()).map((x) => x.name);
    expect(names.sort()).toEqual([fx.a.name, fx.c.name].sort());
    await expect(analyst.tenant.get({ tenantId: fx.b.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(analyst.audit.list({ tenantId: fx.b.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives an MSSP admin every tenant', async () => {
    const admin = await callerFor(fx.admin);
    expect((await admin.tenant.list()).map((x) => x.id).sort()).toEqual([fx.a.id, fx.b.id, fx.c.id].sort());
  });

  it('refuses a client user, even one whose token claims to be staff', async () => {
    await expect((await callerFor(fx.clientA)).tenant.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const forged = await callerFor({ id: fx.clientA.id, kind: 'staff' });
    await expect(forged.tenant.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
