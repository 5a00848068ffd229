import { useTestDatabase } from '@palisade/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentFixtures, seedIncidentFixtures } from '@/test/incident-fixtures';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let ix: IncidentFixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  ix = await seedIncidentFixtures(t.db, fx);
  const analyst = await callerFor(fx.analyst);
  const key = { tenantId: fx.a.id, incidentId: ix.a.incidentId };
  await analyst.incident.assign({ ...key, assigneeUserId: fx.analyst.id });
  await analyst.incident.setStatus({ ...key, status: 'in_progress' });
  await analyst.incident.addTag({ ...key, tag: 'internal-only-tag' });
  await analyst.incident.comment({ ...key, body: 'second internal note', visibility: 'internal' });
});

describe('client portal incidents', () => {
  it('lists only the client tenant, with client-safe fields only', async () => {
    const client = await callerFor(fx.clientA);
    const { items } = await client.incident.portalList({});
    expect(items.map((i) => i.id).sort()).toEqual([ix.a.incidentId, ix.a.relatedIncidentId].sort());
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      ['createdAt', 'id', 'lastAlertAt', 'reference', 'severity', 'status', 'title'].sort(),
    );
    const filtered = await client.incident.portalList({ status: ['in_progress'] });
    expect(filtered.items.map((i) => i.id)).toEqual([ix.a.incidentId]);
  });

  it('shows shared comments and status changes, never internal comments, tags, assignee, raw alerts or staff ids', async () => {
    const client = await callerFor(fx.clientA);
    const got = await client.incident.portalGet({ incidentId: ix.a.incidentId });
    expect(got.incident).toMatchObject({ id: ix.a.incidentId, status: 'in_progress', title: ix.a.title });
    expect(got.comments.map((c) => c.body)).toEqual([ix.a.sharedComment]);
    expect(got.timeline.map((e) => e.kind)).toEqual(['created', 'status_changed', 'status_changed']);
    expect(got.timeline.at(-1)?.data).toEqual({ from: 'assigned', to: 'in_progress' });
    const text = JSON.stringify(got);
    for (const secret of [
      ix.a.internalComment,
      'second internal note',
      'internal-only-tag',
      'secret-raw-Alpha',
      fx.analyst.id,
      ix.a.dataSourceId,
      ix.a.relatedIncidentId,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("another tenant's incident is NOT_FOUND, and staff cannot use the portal procedures", async () => {
    const client = await callerFor(fx.clientA);
    await expect(client.incident.portalGet({ incidentId: ix.b.incidentId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const analyst = await callerFor(fx.analyst);
    await expect(analyst.incident.portalGet({ incidentId: ix.a.incidentId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
