import { scheduleDaemonRun } from '@palisade/db/queries/daemons/daemon-controls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '../../../../test/test-database';
import { type DaemonHarness, openDaemonHarness } from '../../test/daemon-harness';

const HOUR = 3_600_000;

describe.each(TEST_DATABASE_KINDS)('internal analysis daemons on %s', (kind) => {
  let h: DaemonHarness;
  let tenantId: string;
  let userId: string;
  let number = 0;

  beforeAll(async () => {
    h = await openDaemonHarness(kind, 1);
    const [t] = h.tenants;
    if (!t) throw new Error('no tenant');
    tenantId = t.id;
    userId = t.clientUser.id;
  });
  afterAll(() => h.close());

  async function incident(fields: {
    status: string;
    createdHoursAgo: number;
    assignedAfter?: number;
    resolvedAfter?: number;
    closedAfter?: number;
    title?: string;
  }) {
    const id = crypto.randomUUID();
    const created = new Date(Date.now() - fields.createdHoursAgo * HOUR);
    const after = (h?: number) => (h === undefined ? null : new Date(created.getTime() + h * HOUR));
    number++;
    await h.query(
      `insert into public.incidents (tenant_id, id, number, title, status, severity, priority, first_alert_at, last_alert_at, created_at, assigned_at, resolved_at, closed_at)
       values ($1, $2, $3, $4, $5, 'high', 'p2', $6, $6, $6, $7, $8, $9)`,
      [
        tenantId,
        id,
        number,
        fields.title ?? `incident ${number}`,
        fields.status,
        created,
        after(fields.assignedAfter),
        after(fields.resolvedAfter),
        after(fields.closedAfter),
      ],
    );
    return id;
  }

  async function runNow(daemonId: string) {
    await h.tenant(tenantId, (tx) =>
      scheduleDaemonRun(tx, { tenantId, daemonId, actorUserId: null, at: new Date(), reason: 'run_now' }),
    );
    const s = h.scheduler();
    expect(await s.tick()).toBe(1);
    await s.idle();
    return h.lastRun(tenantId, daemonId);
  }
  const outbox = (kind: string) =>
    h.query<{ to: string[]; subject: string; incident_id: string | null }>(
      'select "to", subject, incident_id from public.outbox where tenant_id = $1 and kind = $2 order by created_at',
      [tenantId, kind],
    );

  it('stale-incidents emails the team once per incident open and unassigned too long', async () => {
    const old = await incident({ status: 'new', createdHoursAgo: 10, title: 'beaconing' });
    await incident({ status: 'new', createdHoursAgo: 1 });
    await incident({ status: 'assigned', createdHoursAgo: 12, assignedAfter: 1 });
    const d = await h.save(
      tenantId,
      'name: stale\nkind: stale-incidents\nschedule:\n  every: 1h\ninputs:\n  olderThanHours: 4\n  recipients:\n    socManagement: false\n    emails: [soc@example.com]\n',
    );
    expect(await runNow(d.id)).toMatchObject({ status: 'succeeded', fetched: 1, created: 1 });
    const mails = await outbox('daemon.stale-incident');
    expect(mails).toEqual([
      {
        to: ['soc@example.com'],
        subject: expect.stringMatching(/^Unassigned for 10 h: INC-\d{6} beaconing$/),
        incident_id: old,
      },
    ]);
    // Still stale next time: not mailed again.
    expect(await runNow(d.id)).toMatchObject({ status: 'succeeded', fetched: 1, created: 0 });
    expect(await outbox('daemon.stale-incident')).toHaveLength(1);
  });

  it('reopen-detector tags reopened incidents once and reports them', async () => {
    const reopened = await incident({ status: 'in_progress', createdHoursAgo: 30, title: 'came back' });
    await h.query(
      `insert into public.incident_events (tenant_id, incident_id, kind, actor_user_id, data) values ($1, $2, 'status_changed', $3, $4::text::jsonb)`,
      [tenantId, reopened, userId, JSON.stringify({ from: 'closed', to: 'in_progress', reopened: true })],
    );
    const d = await h.save(
      tenantId,
      'name: reopen\nkind: reopen-detector\nschedule:\n  cron: "0 * * * *"\ninputs:\n  recipients:\n    socManagement: false\n    emails: [soc@example.com]\n',
    );
    expect(await runNow(d.id)).toMatchObject({ status: 'succeeded', fetched: 1, created: 1 });
    const [tags] = await h.query<{ tags: string[] }>(
      'select tags from public.incidents where tenant_id = $1 and id = $2',
      [tenantId, reopened],
    );
    expect(tags?.tags).toEqual(['reopened']);
    expect(await outbox('daemon.reopen-report')).toEqual([
      expect.objectContaining({ subject: '1 reopened incident(s)' }),
    ]);
    // Already tagged: nothing new to flag or report.
    expect(await runNow(d.id)).toMatchObject({ fetched: 1, created: 0 });
    expect(await outbox('daemon.reopen-report')).toHaveLength(1);
  });

  it('lifecycle-report saves CSV and PDF with lifespan, phases and investigators', async () => {
    await h.query('delete from public.incidents where tenant_id = $1', [tenantId]);
    const a = await incident({
      status: 'closed',
      createdHoursAgo: 48,
      assignedAfter: 2,
      resolvedAfter: 10,
      closedAfter: 12,
    });
    await incident({ status: 'resolved', createdHoursAgo: 24, assignedAfter: 4, resolvedAfter: 6 });
    await h.query(
      `insert into public.incident_events (tenant_id, incident_id, kind, actor_user_id, data) values ($1, $2, 'assigned', $3, '{}')`,
      [tenantId, a, userId],
    );
    const d = await h.save(
      tenantId,
      'name: lifecycle\nkind: lifecycle-report\nschedule:\n  cron: "0 6 * * 1"\ninputs:\n  days: 7\n',
    );
    expect(await runNow(d.id)).toMatchObject({ status: 'succeeded', fetched: 2 });
    const files = await h.query<{ file_name: string; mime: string; bytes: Buffer }>(
      'select file_name, mime, bytes from public.daemon_outputs where tenant_id = $1 and daemon_id = $2 order by file_name',
      [tenantId, d.id],
    );
    expect(files.map((f) => f.mime)).toEqual(['text/csv', 'application/pdf']);
    const csv = Buffer.from(files[0]?.bytes as Buffer).toString('utf8');
    // Lifespan (10 + 6) / 2 = 8 h; to assign (2 + 4) / 2 = 3 h; assigned → resolved (8 + 2) / 2 = 5 h; closing 2 h.
    expect(csv).toContain('Incidents created,2');
    expect(csv).toContain('Average lifespan (created → resolved),8 h');
    expect(csv).toContain('Average time to assign (new → assigned),3 h');
    expect(csv).toContain('Average investigation (assigned → resolved),5 h');
    expect(csv).toContain('Average closing (resolved → closed),2 h');
    expect(csv).toContain('Investigators (distinct people),1');
    expect(
      Buffer.from(files[1]?.bytes as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
