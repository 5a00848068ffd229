import { auditLog } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { asc } from 'drizzle-orm';
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
});

const auditOf = (tenantId: string, incidentId: string) =>
  withTenant(tenantId, async (tx) =>
    (await tx.select().from(auditLog).orderBy(asc(auditLog.at)))
      .filter((e) => e.target === `incident:${incidentId}`)
      .map((e) => ({ action: e.action, actor: e.actorUserId })),
  );

describe('incident changes', () => {
  it('assign, status, severity, tag and comment each land in the timeline with who, and in the audit log', async () => {
    const analyst = await callerFor(fx.analyst);
    const key = { tenantId: fx.a.id, incidentId: ix.a.incidentId };
    await analyst.incident.assign({ ...key, assigneeUserId: fx.analyst.id });
    await analyst.incident.setStatus({ ...key, status: 'in_progress' });
    await analyst.incident.setSeverity({ ...key, severity: 'critical' });
    await analyst.incident.addTag({ ...key, tag: 'Ransomware' });
    await analyst.incident.comment({ ...key, body: 'isolating the host', visibility: 'shared' });

    const got = await analyst.incident.get(key);
    expect(got.incident).toMatchObject({
      assigneeUserId: fx.analyst.id,
      status: 'in_progress',
      severity: 'critical',
      tags: ['ransomware'],
    });
    const mine = got.timeline.filter((e) => e.actorUserId === fx.analyst.id);
    expect(mine.map((e) => e.kind)).toEqual([
      'assigned',
      'status_changed',
      'status_changed',
      'severity_changed',
      'tag_added',
      'comment_added',
    ]);
    expect(mine.every((e) => e.actorName === 'analyst')).toBe(true);
    expect(got.comments.at(-1)).toMatchObject({
      body: 'isolating the host',
      visibility: 'shared',
      authorName: 'analyst',
    });

    const audit = await auditOf(fx.a.id, ix.a.incidentId);
    expect(audit.every((e) => e.actor === fx.analyst.id)).toBe(true);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['incident.assign', 'incident.set_status', 'incident.set_severity']),
    );
    expect(audit.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a lifecycle step the incident cannot take (CONFLICT) and changes nothing', async () => {
    const analyst = await callerFor(fx.analyst);
    const key = { tenantId: fx.c.id, incidentId: ix.c.incidentId };
    await analyst.incident.setStatus({ ...key, status: 'closed' });
    // closed → assigned would need an assignee; closed → closed is no change.
    await expect(analyst.incident.setStatus({ ...key, status: 'closed' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(analyst.incident.setStatus({ ...key, status: 'assigned' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await analyst.incident.get(key)).incident.status).toBe('closed');
    // Reopen is allowed.
    await analyst.incident.setStatus({ ...key, status: 'in_progress' });
    expect((await analyst.incident.get(key)).incident.status).toBe('in_progress');
  });

  it('assigns only to analysts of the tenant', async () => {
    const analyst = await callerFor(fx.analyst);
    const key = { tenantId: fx.a.id, incidentId: ix.a.relatedIncidentId };
    await expect(analyst.incident.assign({ ...key, assigneeUserId: fx.clientA.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(analyst.incident.assign({ ...key, assigneeUserId: fx.admin.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await analyst.incident.get(key)).incident.assigneeUserId).toBeNull();
    await analyst.incident.assign({ ...key, assigneeUserId: null });
  });

  it('validates tags and comments', async () => {
    const analyst = await callerFor(fx.analyst);
    const key = { tenantId: fx.a.id, incidentId: ix.a.incidentId };
    await expect(analyst.incident.addTag({ ...key, tag: '<script>' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      analyst.incident.comment({ ...key, body: '   ', visibility: 'internal' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
