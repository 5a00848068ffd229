import { incidents } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_IP, type IncidentFixtures, seedIncidentFixtures } from '@/test/incident-fixtures';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let ix: IncidentFixtures;
const bulkIds: string[] = [];

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  ix = await seedIncidentFixtures(t.db, fx);
  // Seven more in tenant C, one minute apart, newest last.
  for (let n = 0; n < 7; n++) {
    const id = crypto.randomUUID();
    bulkIds.push(id);
    const at = new Date(Date.UTC(2026, 1, 1, 12, n));
    await t.db.insert(incidents).values({
      tenantId: fx.c.id,
      id,
      number: 10 + n,
      title: `bulk incident ${n}`,
      severity: n % 2 ? 'medium' : 'info',
      priority: 'p3',
      firstAlertAt: at,
      lastAlertAt: at,
    });
  }
});

describe('incident.list (analyst queue)', () => {
  it('lists the incidents of every tenant in scope, newest activity first, with tenant and assignee names', async () => {
    const analyst = await callerFor(fx.analyst);
    await analyst.incident.assign({
      tenantId: fx.a.id,
      incidentId: ix.a.incidentId,
      assigneeUserId: fx.analyst.id,
    });
    const { items, nextCursor } = await analyst.incident.list({});
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(11);
    expect(items.map((i) => i.tenantId)).not.toContain(fx.b.id);
    const times = items.map((i) => i.lastAlertAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(items.find((i) => i.id === ix.a.incidentId)).toMatchObject({
      tenantName: fx.a.name,
      assigneeName: 'analyst',
      reference: 'INC-000001',
      status: 'assigned',
    });
  });

  it('filters by tenant, severity, status, assignee, data source and time', async () => {
    const analyst = await callerFor(fx.analyst);
    const ids = async (input: Parameters<typeof analyst.incident.list>[0]) =>
      (await analyst.incident.list(input)).items.map((i) => i.id).sort();
    expect(await ids({ tenantId: fx.a.id })).toEqual([ix.a.incidentId, ix.a.relatedIncidentId].sort());
    expect(await ids({ severity: ['low'] })).toEqual([ix.c.incidentId, ix.c.relatedIncidentId].sort());
    expect(await ids({ status: ['assigned'], assigneeUserId: fx.analyst.id })).toEqual([ix.a.incidentId]);
    expect((await ids({ assigneeUserId: 'unassigned' })).length).toBe(10);
    expect(await ids({ dataSourceId: ix.c.dataSourceId })).toEqual(
      [ix.c.incidentId, ix.c.relatedIncidentId].sort(),
    );
    expect(
      await ids({ from: new Date('2026-02-01T12:05:00Z'), to: new Date('2026-02-01T12:06:00Z') }),
    ).toEqual(bulkIds.slice(5).sort());
  });

  it('searches titles and artifact values', async () => {
    const analyst = await callerFor(fx.analyst);
    const byTitle = await analyst.incident.list({ search: 'Charlie' });
    expect(byTitle.items.map((i) => i.id).sort()).toEqual([ix.c.incidentId, ix.c.relatedIncidentId].sort());
    const byArtifact = await analyst.incident.list({ search: 'ws-Alpha' });
    expect(byArtifact.items.map((i) => i.id)).toEqual([ix.a.incidentId]);
    const campaign = await analyst.incident.list({ search: CAMPAIGN_IP });
    expect(campaign.items.map((i) => i.tenantId).sort()).toEqual([fx.a.id, fx.a.id, fx.c.id, fx.c.id].sort());
  });

  it('pages with a keyset cursor in either direction and sort order, without gaps or repeats', async () => {
    const analyst = await callerFor(fx.analyst);
    for (const [sort, direction] of [
      ['last_alert_at', 'desc'],
      ['number', 'asc'],
      ['created_at', 'desc'],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await analyst.incident.list({ tenantId: fx.c.id, sort, direction, limit: 3, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(9);
      if (sort === 'number') {
        expect(seen.slice(2)).toEqual(bulkIds);
      }
    }
  });

  it('refuses clients and tenants outside the scope', async () => {
    await expect((await callerFor(fx.clientA)).incident.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await callerFor(fx.analyst)).incident.list({ tenantId: fx.b.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
