import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { addIncidentComment } from '../src/queries/incidents/add-incident-comment';
import { addIncidentTag, removeIncidentTag } from '../src/queries/incidents/add-incident-tag';
import { assignIncident } from '../src/queries/incidents/assign-incident';
import { getIncident } from '../src/queries/incidents/get-incident';
import { listIncidents } from '../src/queries/incidents/list-incidents';
import { setIncidentPriority } from '../src/queries/incidents/set-incident-priority';
import { setIncidentSeverity } from '../src/queries/incidents/set-incident-severity';
import { setIncidentStatus } from '../src/queries/incidents/set-incident-status';
import type { NormalizedFields, ProcessedAlert } from '../src/queries/ingest/store-processed-alerts';
import { storeProcessedAlerts } from '../src/queries/ingest/store-processed-alerts';
import {
  alerts,
  auditLog,
  dataSources,
  incidents,
  memberships,
  tenantIncidentSettings,
  users,
} from '../src/schema/index';
import { type SeededTenant, seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
const sourceOf = new Map<string, string>();
let analystId: string;

const fields = (over: Partial<NormalizedFields> = {}): NormalizedFields => ({
  mapper: 'generic',
  title: 'Brute force',
  description: null,
  severity: 'medium',
  eventTime: null,
  sourceVendor: null,
  sourceProduct: 'Test',
  sourceAlertId: null,
  ruleId: 'R1',
  ruleName: 'Brute force',
  hosts: ['h1'],
  users: [],
  normalized: {},
  artifacts: [{ type: 'ipv4', value: '203.0.113.1', tags: [], locations: [{ field: 'src_ip' }] }],
  ...over,
});

/** Raw alerts as intake stores them (status received). */
async function receive(tenantId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => crypto.randomUUID());
  await withTenantOn(t.app.db, tenantId, (tx) =>
    tx.insert(alerts).values(
      ids.map((id) => ({
        tenantId,
        id,
        dataSourceId: sourceOf.get(tenantId) as string,
        raw: { id },
        payloadHash: 'h',
      })),
    ),
  );
  return ids;
}

const store = (tenantId: string, batch: ProcessedAlert[]) =>
  withTenantOn(t.app.db, tenantId, (tx) => storeProcessedAlerts(tx, { tenantId, alerts: batch }));
const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

beforeAll(async () => {
  const [x, y] = await seedTenants(t.db, 2);
  if (!x || !y) throw new Error('seed failed');
  [a, b] = [x, y];
  for (const tenant of [a, b]) {
    const id = crypto.randomUUID();
    await t.db.insert(dataSources).values({ tenantId: tenant.id, id, name: 'src' });
    sourceOf.set(tenant.id, id);
  }
  analystId = crypto.randomUUID();
  await t.db.insert(users).values({
    id: analystId,
    email: `analyst-${analystId}@x.test`,
    name: 'Ana Lyst',
    passwordHash: 'x',
    kind: 'staff',
  });
  await t.db.insert(memberships).values({ tenantId: a.id, userId: analystId, role: 'analyst' });
});

describe('storeProcessedAlerts', () => {
  it('groups by rule + host, numbers incidents per tenant, and skips alerts already processed (retry)', async () => {
    const ids = await receive(a.id, 3);
    const batch: ProcessedAlert[] = [
      { id: ids[0] as string, ok: true, fields: fields() },
      { id: ids[1] as string, ok: true, fields: fields({ severity: 'critical' }) },
      { id: ids[2] as string, ok: true, fields: fields({ hosts: ['h2'] }) },
    ];
    const out = await store(a.id, batch);
    expect(out).toMatchObject({ processed: 3, skipped: 0 });
    expect(out.createdIncidentIds).toHaveLength(2);
    const again = await store(a.id, batch);
    expect(again).toMatchObject({ processed: 0, skipped: 3, createdIncidentIds: [] });
    const rows = await inA((tx) => tx.select().from(incidents).orderBy(incidents.number));
    expect(rows.map((r) => [r.number, r.alertCount, r.severity])).toEqual([
      [1, 2, 'critical'],
      [2, 1, 'medium'],
    ]);
    // A later alert of the same key joins the open incident; a closed incident is not joined.
    const [later] = await receive(a.id, 1);
    const joined = await store(a.id, [{ id: later as string, ok: true, fields: fields() }]);
    expect(joined.updatedIncidentIds).toEqual([rows[0]?.id]);
    await inA((tx) =>
      setIncidentStatus(tx, { incidentId: rows[0]?.id as string, status: 'closed', actorUserId: null }),
    );
    const [afterClose] = await receive(a.id, 1);
    const fresh = await store(a.id, [{ id: afterClose as string, ok: true, fields: fields() }]);
    expect(fresh.createdIncidentIds).toHaveLength(1);
  });

  it('concurrent batches of one key open one incident, and numbers stay unique', async () => {
    const [t3] = await seedTenants(t.db, 1);
    if (!t3) throw new Error('seed failed');
    const src = crypto.randomUUID();
    await t.db.insert(dataSources).values({ tenantId: t3.id, id: src, name: 'src' });
    sourceOf.set(t3.id, src);
    const batches = await Promise.all(Array.from({ length: 6 }, () => receive(t3.id, 5)));
    await Promise.all(
      batches.map((ids, i) =>
        store(
          t3.id,
          ids.map((id, j) => ({
            id,
            ok: true as const,
            fields: fields({ hosts: [j === 0 ? 'shared' : `h-${i}-${j}`] }),
          })),
        ),
      ),
    );
    const rows = await withTenantOn(t.app.db, t3.id, (tx) => tx.select().from(incidents));
    expect(rows.filter((r) => r.groupKey?.includes('host=shared'))).toHaveLength(1);
    expect(rows.find((r) => r.groupKey?.includes('host=shared'))?.alertCount).toBe(6);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(Math.max(...rows.map((r) => r.number))).toBe(rows.length);
    const [counter] = await withTenantOn(t.app.db, t3.id, (tx) => tx.select().from(tenantIncidentSettings));
    expect(counter?.lastIncidentNumber).toBe(rows.length);
  });

  it('marks an alert whose source id was already processed as a duplicate, and unnormalizable ones failed', async () => {
    const [p, q, bad] = await receive(a.id, 3);
    await store(a.id, [
      { id: p as string, ok: true, fields: fields({ sourceAlertId: 'S-1', hosts: ['dup'] }) },
    ]);
    const out = await store(a.id, [
      { id: q as string, ok: true, fields: fields({ sourceAlertId: 'S-1', hosts: ['dup'] }) },
      { id: bad as string, ok: false, error: 'ALERT_EMPTY: alert is empty' },
    ]);
    expect(out).toMatchObject({ processed: 0, duplicates: 1, failed: 1 });
    const rows = await inA((tx) => tx.select().from(alerts).where(sql`${alerts.id} in (${q}, ${bad})`));
    expect(rows.find((r) => r.id === q)).toMatchObject({ status: 'duplicate', duplicateOfAlertId: p });
    expect(rows.find((r) => r.id === bad)).toMatchObject({
      status: 'failed',
      error: 'ALERT_EMPTY: alert is empty',
    });
  });
});

describe('incident changes', () => {
  it('assign, status, severity, priority, tags and comments each write a timeline event and an audit entry', async () => {
    const [id] = await receive(a.id, 1);
    const own = [{ type: 'ipv4', value: '198.51.100.77', tags: [], locations: [{ field: 'src_ip' }] }];
    const out = await store(a.id, [
      { id: id as string, ok: true, fields: fields({ hosts: ['changes'], artifacts: own }) },
    ]);
    const incidentId = out.createdIncidentIds[0] as string;
    await inA(async (tx) => {
      await expect(
        setIncidentStatus(tx, { incidentId, status: 'assigned', actorUserId: analystId }),
      ).rejects.toMatchObject({
        code: 'INCIDENT_TRANSITION',
      });
    });
    expect(
      (
        await inA((tx) =>
          assignIncident(tx, { incidentId, assigneeUserId: analystId, actorUserId: analystId }),
        )
      ).status,
    ).toBe('assigned');
    await inA((tx) => setIncidentStatus(tx, { incidentId, status: 'in_progress', actorUserId: analystId }));
    await inA((tx) => setIncidentSeverity(tx, { incidentId, severity: 'high', actorUserId: analystId }));
    await inA((tx) => setIncidentPriority(tx, { incidentId, priority: 'p1', actorUserId: analystId }));
    await inA((tx) => addIncidentTag(tx, { incidentId, tag: 'Phishing', actorUserId: analystId }));
    expect(
      (await inA((tx) => addIncidentTag(tx, { incidentId, tag: 'phishing', actorUserId: analystId })))
        .changed,
    ).toBe(false);
    await inA((tx) => removeIncidentTag(tx, { incidentId, tag: 'phishing', actorUserId: analystId }));
    await inA((tx) =>
      addIncidentComment(tx, {
        incidentId,
        body: 'internal note',
        visibility: 'internal',
        actorUserId: analystId,
      }),
    );
    await inA((tx) =>
      addIncidentComment(tx, {
        incidentId,
        body: 'we are on it',
        visibility: 'shared',
        actorUserId: analystId,
      }),
    );
    await inA((tx) => setIncidentStatus(tx, { incidentId, status: 'resolved', actorUserId: analystId }));
    const reopened = await inA((tx) =>
      setIncidentStatus(tx, { incidentId, status: 'in_progress', actorUserId: analystId }),
    );
    expect(reopened.reopened).toBe(true);

    const staff = await inA((tx) => getIncident(tx, { incidentId, view: 'staff' }));
    expect(staff.timeline.map((e) => e.kind)).toEqual([
      'created',
      'assigned',
      'status_changed',
      'status_changed',
      'severity_changed',
      'priority_changed',
      'tag_added',
      'tag_removed',
      'comment_added',
      'comment_added',
      'status_changed',
      'status_changed',
    ]);
    expect(staff.timeline.find((e) => e.kind === 'assigned')).toMatchObject({
      actorUserId: analystId,
      actorName: 'Ana Lyst',
    });
    expect(staff.incident).toMatchObject({
      status: 'in_progress',
      severity: 'high',
      priority: 'p1',
      tags: [],
      resolvedAt: null,
    });
    expect(staff.comments.map((c) => c.body)).toEqual(['internal note', 'we are on it']);
    const client = await inA((tx) => getIncident(tx, { incidentId, view: 'client' }));
    expect(client.comments.map((c) => c.body)).toEqual(['we are on it']);
    expect(client.timeline.every((e) => e.clientVisible)).toBe(true);
    expect(client.alerts[0]?.raw).toBeUndefined();
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.target, `incident:${incidentId}`));
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'incident.assign',
        'incident.set_status',
        'incident.reopen',
        'incident.comment',
        'incident.add_tag',
      ]),
    );
    expect(audit).toHaveLength(11);
  });

  it("tenant B's scope finds neither A's incident nor can change it", async () => {
    const [id] = await receive(a.id, 1);
    const out = await store(a.id, [{ id: id as string, ok: true, fields: fields({ hosts: ['iso'] }) }]);
    const incidentId = out.createdIncidentIds[0] as string;
    const inB = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, b.id, fn);
    await expect(inB((tx) => getIncident(tx, { incidentId, view: 'staff' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      inB((tx) => setIncidentStatus(tx, { incidentId, status: 'resolved', actorUserId: null })),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await inB((tx) => listIncidents(tx, {}))).items).toEqual([]);
    // Positive control: A sees it.
    expect((await inA((tx) => getIncident(tx, { incidentId, view: 'staff' }))).incident.id).toBe(incidentId);
  });
});

describe('listIncidents', () => {
  it('pages with a keyset cursor without gaps or repeats, and filters', async () => {
    const [t4] = await seedTenants(t.db, 1);
    if (!t4) throw new Error('seed failed');
    const src = crypto.randomUUID();
    await t.db.insert(dataSources).values({ tenantId: t4.id, id: src, name: 'src' });
    sourceOf.set(t4.id, src);
    const ids = await receive(t4.id, 23);
    await withTenantOn(t.app.db, t4.id, (tx) =>
      storeProcessedAlerts(tx, {
        tenantId: t4.id,
        alerts: ids.map((id, i) => ({
          id,
          ok: true,
          fields: fields({
            hosts: [`p-${i}`],
            title: i === 7 ? 'Needle in the queue' : 'Hay',
            severity: i % 2 ? 'low' : 'high',
            artifacts: [{ type: 'host', value: `p-${i}`, tags: [], locations: [{ field: 'hosts' }] }],
          }),
        })),
      }),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await withTenantOn(t.app.db, t4.id, (tx) =>
        listIncidents(tx, { limit: 5, sort: 'number', cursor }),
      );
      seen.push(...res.items.map((i) => i.id));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const byTime: string[] = [];
    cursor = undefined;
    for (let page = 0; page < 10; page++) {
      const res = await withTenantOn(t.app.db, t4.id, (tx) => listIncidents(tx, { limit: 4, cursor }));
      byTime.push(...res.items.map((i) => i.id));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(new Set(byTime).size).toBe(23);
    const search = await withTenantOn(t.app.db, t4.id, (tx) => listIncidents(tx, { search: 'needle' }));
    expect(search.items.map((i) => i.title)).toEqual(['Needle in the queue']);
    const byValue = await withTenantOn(t.app.db, t4.id, (tx) => listIncidents(tx, { search: 'p-3' }));
    expect(byValue.items).toHaveLength(1);
    const low = await withTenantOn(t.app.db, t4.id, (tx) =>
      listIncidents(tx, { severity: ['low'], limit: 100 }),
    );
    expect(low.items).toHaveLength(11);
  });
});
