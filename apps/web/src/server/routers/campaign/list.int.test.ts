import { artifacts } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_IP, seedIncidentFixtures } from '@/test/incident-fixtures';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  await seedIncidentFixtures(t.db, fx);
  // Seen at A and B only: a campaign for the admin, not for the analyst (A and C).
  await t.db.insert(artifacts).values([
    { tenantId: fx.a.id, type: 'domain', value: 'evil-ab.example', alertCount: 1 },
    { tenantId: fx.b.id, type: 'domain', value: 'evil-ab.example', alertCount: 1 },
  ]);
});

describe('campaign.list', () => {
  it('counts only tenants of the scope and names them', async () => {
    const analyst = await callerFor(fx.analyst);
    const rows = await analyst.campaign.list({});
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'ipv4',
        value: CAMPAIGN_IP,
        tenantCount: 2,
        tenants: expect.arrayContaining([
          { id: fx.a.id, name: fx.a.name },
          { id: fx.c.id, name: fx.c.name },
        ]),
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(fx.b.id);

    const admin = await callerFor(fx.admin);
    const all = await admin.campaign.list({});
    expect(all.map((r) => [r.value, r.tenantCount])).toEqual([
      [CAMPAIGN_IP, 3],
      ['evil-ab.example', 2],
    ]);
    expect((await admin.campaign.list({ minTenants: 3 })).map((r) => r.value)).toEqual([CAMPAIGN_IP]);
  });

  it('hosts are never campaign indicators, and clients are refused', async () => {
    const admin = await callerFor(fx.admin);
    expect((await admin.campaign.list({})).map((r) => r.type)).not.toContain('host');
    await expect((await callerFor(fx.clientA)).campaign.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
