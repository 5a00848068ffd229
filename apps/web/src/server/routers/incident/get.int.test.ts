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
});

describe('incident.get (staff view)', () => {
  it('returns summary, alerts with raw payload, artifacts with locations, timeline, all comments, related incidents and assignees', async () => {
    const analyst = await callerFor(fx.analyst);
    const got = await analyst.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId });
    expect(got.tenant).toEqual({ id: fx.a.id, name: fx.a.name });
    expect(got.incident).toMatchObject({
      id: ix.a.incidentId,
      title: ix.a.title,
      severity: 'high',
      status: 'new',
    });
    expect(got.alerts).toEqual([
      expect.objectContaining({
        id: ix.a.alertId,
        hosts: ['ws-Alpha'],
        raw: expect.objectContaining({ note: 'secret-raw-Alpha' }),
      }),
    ]);
    const ip = got.artifacts.find((a) => a.value === CAMPAIGN_IP);
    expect(ip?.locations).toEqual([{ field: 'title', start: 16, end: 29, alertId: ix.a.alertId }]);
    expect(got.comments.map((c) => [c.visibility, c.body]).sort()).toEqual(
      [
        ['internal', ix.a.internalComment],
        ['shared', ix.a.sharedComment],
      ].sort(),
    );
    expect(got.related).toEqual([
      expect.objectContaining({
        incidentId: ix.a.relatedIncidentId,
        // Explained: which artifact, when each incident first saw it, and the other incident's span.
        sharedArtifacts: [
          {
            id: ix.a.artifactId,
            type: 'ipv4',
            value: CAMPAIGN_IP,
            seenHereAt: expect.any(Date),
            seenThereAt: expect.any(Date),
          },
        ],
        linkedAt: expect.any(Date),
        firstAlertAt: expect.any(Date),
        lastAlertAt: expect.any(Date),
      }),
    ]);
    expect(got.timeline.map((e) => e.kind)).toEqual(['created', 'comment_added']);
    // Only analysts of tenant A can be assignees (not the client user, not the admin).
    expect(got.assignees).toEqual([{ id: fx.analyst.id, name: 'analyst' }]);
  });

  it('an MSSP admin (every tenant) reads any tenant; a client or another tenant is refused', async () => {
    const admin = await callerFor(fx.admin);
    expect((await admin.incident.get({ tenantId: fx.b.id, incidentId: ix.b.incidentId })).incident.id).toBe(
      ix.b.incidentId,
    );
    const analyst = await callerFor(fx.analyst);
    await expect(
      analyst.incident.get({ tenantId: fx.b.id, incidentId: ix.b.incidentId }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      analyst.incident.get({ tenantId: fx.a.id, incidentId: crypto.randomUUID() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const client = await callerFor(fx.clientA);
    await expect(
      client.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
