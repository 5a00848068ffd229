import { artifactEnrichments, artifacts } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_IP, type IncidentFixtures, seedIncidentFixtures } from '@/test/incident-fixtures';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let ix: IncidentFixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  ix = await seedIncidentFixtures(t.db, fx);
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

  it('each indicator carries the worst verdict of the scope, never one from outside it', async () => {
    const enrich = (tenantId: string, artifactId: string, verdict: string, score: number) =>
      t.db
        .insert(artifactEnrichments)
        .values({ tenantId, artifactId, verdict, score, outcomes: [], lists: {} });
    // A says suspicious, C benign; B (outside the analyst's scope) malicious.
    await enrich(fx.a.id, ix.a.artifactId, 'suspicious', 40);
    await enrich(fx.c.id, ix.c.artifactId, 'benign', 0);
    await enrich(fx.b.id, ix.b.artifactId, 'malicious', 90);

    const analyst = await callerFor(fx.analyst);
    expect((await analyst.campaign.list({})).map((r) => [r.value, r.verdict])).toEqual([
      [CAMPAIGN_IP, { type: 'ipv4', value: CAMPAIGN_IP, worst: 'suspicious', score: 40, tenantsJudged: 2 }],
    ]);
    const admin = await callerFor(fx.admin);
    expect((await admin.campaign.list({})).map((r) => [r.value, r.verdict?.worst ?? null])).toEqual([
      [CAMPAIGN_IP, 'malicious'],
      ['evil-ab.example', null],
    ]);
  });

  it('hosts are never campaign indicators, and clients are refused', async () => {
    const admin = await callerFor(fx.admin);
    expect((await admin.campaign.list({})).map((r) => r.type)).not.toContain('host');
    await expect((await callerFor(fx.clientA)).campaign.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
