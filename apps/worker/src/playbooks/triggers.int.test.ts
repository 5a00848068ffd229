import { enqueue } from '@palisade/db/jobs/enqueue';
import { START_INCIDENT_UPDATED_RUNS } from '@palisade/db/jobs/start-incident-updated-runs';
import { setIncidentSeverity } from '@palisade/db/queries/incidents/set-incident-severity';
import type { SeededTenant } from '@palisade/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playbookHarness } from '../../test/playbook-harness';
import type { TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import { startAlertReceivedRuns } from './start-alert-runs';
import { INCIDENT_UPDATED_LOOP_LIMIT, startIncidentUpdatedRuns } from './start-incident-updated-runs';
import { lastScheduledSlot, SCHEDULE_CATCH_UP_MS, startDueScheduledRuns } from './start-scheduled-runs';

const playbook = (id: string, trigger: string) => `
id: ${id}
name: ${id}
version: 1
trigger: ${trigger}
steps:
  - id: note
    uses: var.set
    with: { value: 1 }
`;

describe.each(TEST_DATABASE_KINDS)('playbook triggers on %s', (kind) => {
  let db: TestDatabase;
  let h: ReturnType<typeof playbookHarness>;
  let a: SeededTenant;
  let b: SeededTenant;
  let worker: TestWorker | undefined;

  const runs = (tenantId: string, trigger: string) =>
    db.query<{ playbook_id: string; dedup_key: string; incident_id: string | null }>(
      `select playbook_id::text, dedup_key, incident_id::text from playbook_runs
        where tenant_id = $1 and trigger = $2 and parent_run_id is null order by started_at, dedup_key`,
      [tenantId, trigger],
    );

  async function incident(tenantId: string, number: number) {
    const id = crypto.randomUUID();
    await db.query(
      `insert into incidents (tenant_id, id, number, title, severity, priority, first_alert_at, last_alert_at)
       values ($1, $2, $3, 'Beacon', 'medium', 'p3', now(), now())`,
      [tenantId, id, number],
    );
    return id;
  }

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    h = playbookHarness(db);
    [a, b] = (await h.seed(2)) as [SeededTenant, SeededTenant];
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await db.close();
  });

  describe('schedule', () => {
    it('finds the latest slot at or before now, in the trigger timezone', () => {
      const now = new Date('2026-03-02T10:07:30Z');
      expect(lastScheduledSlot({ type: 'schedule', cron: '*/5 * * * *' }, now)?.toISOString()).toBe(
        '2026-03-02T10:05:00.000Z',
      );
      expect(
        lastScheduledSlot(
          { type: 'schedule', cron: '*/5 * * * *' },
          new Date('2026-03-02T10:05:00Z'),
        )?.toISOString(),
      ).toBe('2026-03-02T10:05:00.000Z');
      expect(
        lastScheduledSlot(
          { type: 'schedule', cron: '0 9 * * *', timezone: 'Europe/Paris' },
          now,
        )?.toISOString(),
      ).toBe('2026-03-02T08:00:00.000Z');
    });

    it('starts each due slot exactly once, only for the owning tenant, never a disabled or a suspended one', async () => {
      const every5 = await h.save(a.id, playbook('every-five', "{ type: schedule, cron: '*/5 * * * *' }"));
      const disabled = await h.save(
        b.id,
        playbook('b-every-five', "{ type: schedule, cron: '*/5 * * * *' }"),
      );
      await db.query('update playbooks set enabled = false where tenant_id = $1 and id = $2', [
        b.id,
        disabled.playbookId,
      ]);
      // Playbooks created "now" (wall clock): slots are counted from then on.
      const base = Date.now();
      const slot = lastScheduledSlot({ type: 'schedule', cron: '*/5 * * * *' }, new Date(base + 5 * 60_000));
      if (!slot) throw new Error('no slot');
      const deps = { db: db.database.db, ex: h.ex, log: h.ex.log };

      const first = await startDueScheduledRuns(deps, new Date(slot.getTime() + 30_000));
      expect(first.started).toEqual([
        expect.objectContaining({ tenantId: a.id, playbookId: every5.playbookId, slot: slot.toISOString() }),
      ]);
      // The same slot seen again (a second tick, a second worker): nothing new.
      expect((await startDueScheduledRuns(deps, new Date(slot.getTime() + 90_000))).started).toEqual([]);
      // Too late to catch up: not back-filled.
      const later = new Date(slot.getTime() + 5 * 60_000 + SCHEDULE_CATCH_UP_MS + 60_000);
      const next = await startDueScheduledRuns(deps, later);
      expect(next.started.map((s) => s.tenantId)).toEqual([a.id]);

      expect((await runs(a.id, 'schedule')).map((r) => r.dedup_key)).toEqual([
        `schedule:${every5.playbookId}:${slot.toISOString()}`,
        expect.stringMatching(new RegExp(`^schedule:${every5.playbookId}:`)),
      ]);
      expect(await runs(b.id, 'schedule')).toEqual([]);

      // A suspended tenant's schedules stop.
      await db.query(`update tenants set status = 'suspended' where id = $1`, [a.id]);
      try {
        expect((await startDueScheduledRuns(deps, new Date(later.getTime() + 10 * 60_000))).started).toEqual(
          [],
        );
      } finally {
        await db.query(`update tenants set status = 'active' where id = $1`, [a.id]);
      }
    });
  });

  describe('alert.received', () => {
    it('starts the matching playbooks once per stored alert, filter respected, other tenants untouched', async () => {
      const high = await h.save(
        a.id,
        playbook('on-high-alert', `{ type: alert.received, filter: "alert.severity = 'high'" }`),
      );
      await h.save(b.id, playbook('b-on-alert', '{ type: alert.received }'));
      const incidentId = await incident(a.id, 100);
      const [ds] = await db.query<{ id: string }>(
        `insert into data_sources (tenant_id, name) values ($1, 'siem') returning id::text`,
        [a.id],
      );
      const alert = async (severity: string, status = 'processed') => {
        const [row] = await db.query<{ id: string }>(
          `insert into alerts (tenant_id, data_source_id, raw, payload_hash, status, title, severity, incident_id)
           values ($1, $2, '{}'::jsonb, md5(random()::text), $3::alert_status, 'x', $4, $5) returning id::text`,
          [a.id, ds?.id, status, severity, incidentId],
        );
        return row?.id as string;
      };
      const ids = [await alert('high'), await alert('low'), await alert('high', 'duplicate')];
      const first = await h.tenant(a.id, (tx) => startAlertReceivedRuns(tx, a.id, ids, h.ex));
      expect(first.started).toHaveLength(1);
      const again = await h.tenant(a.id, (tx) => startAlertReceivedRuns(tx, a.id, ids, h.ex));
      expect(again.started).toEqual(first.started);
      expect(await runs(a.id, 'alert.received')).toEqual([
        {
          playbook_id: high.playbookId,
          dedup_key: `alert.received:${ids[0]}:${high.playbookId}`,
          incident_id: incidentId,
        },
      ]);
      // A's alert ids named in B's scope: RLS hides them, B's playbook never starts.
      expect((await h.tenant(b.id, (tx) => startAlertReceivedRuns(tx, b.id, ids, h.ex))).started).toEqual([]);
      expect(await runs(b.id, 'alert.received')).toEqual([]);
    });
  });

  describe('incident.updated', () => {
    it('a recorded change queues the trigger in its transaction; the filter decides; once per change', async () => {
      worker = await h.startWorker();
      const critical = await h.save(
        a.id,
        playbook('on-critical', `{ type: incident.updated, filter: "changes.severity.to = 'critical'" }`),
      );
      await h.save(b.id, playbook('b-on-update', '{ type: incident.updated }'));
      const incidentId = await incident(a.id, 200);
      await h.tenant(a.id, (tx) =>
        setIncidentSeverity(tx, { incidentId, severity: 'high', actorUserId: null }),
      );
      await h.tenant(a.id, (tx) =>
        setIncidentSeverity(tx, { incidentId, severity: 'critical', actorUserId: null }),
      );
      const jobs = () =>
        db.query<{ state: string; data: { eventId: string } }>(
          `select state::text, data from pgboss.job where name = 'start-incident-updated-runs' and data->>'incidentId' = $1`,
          [incidentId],
        );
      await waitFor(async () => ((await jobs()).every((j) => j.state === 'completed') ? true : undefined), {
        what: 'both trigger jobs to complete',
      });
      expect(await jobs()).toHaveLength(2);
      const started = await runs(a.id, 'incident.updated');
      expect(started).toEqual([
        {
          playbook_id: critical.playbookId,
          dedup_key: expect.stringMatching(/^incident\.updated:/),
          incident_id: incidentId,
        },
      ]);
      // The change event id is the key: the same change's job delivered again starts nothing.
      const matched = (await jobs()).find((j) => started[0]?.dedup_key.includes(j.data.eventId));
      if (!matched) throw new Error('no job for the started run');
      await h.tenant(a.id, (tx) => enqueue(tx, START_INCIDENT_UPDATED_RUNS, matched.data));
      await waitFor(
        async () => {
          const all = await jobs();
          return all.length === 3 && all.every((j) => j.state === 'completed') ? true : undefined;
        },
        { what: 'the replayed job to complete' },
      );
      expect(await runs(a.id, 'incident.updated')).toEqual(started);
      expect(await runs(b.id, 'incident.updated')).toEqual([]);
    }, 60_000);

    it('a playbook that keeps changing its own incident is stopped by the loop guard', async () => {
      await h.save(a.id, playbook('on-any-update', '{ type: incident.updated }'));
      const incidentId = await incident(a.id, 250);
      const change = () => ({
        tenantId: a.id,
        incidentId,
        eventId: crypto.randomUUID(),
        kind: 'tag_added',
        changes: { tags: { from: [], to: ['x'] } },
        actorUserId: null,
      });
      const { runs: limit } = INCIDENT_UPDATED_LOOP_LIMIT;
      let started = 0;
      for (let i = 0; i < limit; i++) {
        const r = await h.tenant(a.id, (tx) => startIncidentUpdatedRuns(tx, change(), h.ex));
        expect(r.loopGuard).toBe(false);
        started += r.started.length;
      }
      // Two playbooks listen here (on-critical filters on severity, so only on-any-update starts).
      expect(started).toBe(limit);
      const guarded = await h.tenant(a.id, (tx) => startIncidentUpdatedRuns(tx, change(), h.ex));
      expect(guarded).toEqual({ started: [], skipped: [], loopGuard: true });
      await db.query('update playbooks set enabled = false where tenant_id = $1', [a.id]);
    });

    it('a tenant without incident.updated playbooks gets no job for its changes', async () => {
      worker = await h.startWorker();
      const incidentId = await incident(b.id, 300);
      await db.query(`update playbooks set enabled = false where tenant_id = $1`, [b.id]);
      await h.tenant(b.id, (tx) =>
        setIncidentSeverity(tx, { incidentId, severity: 'low', actorUserId: null }),
      );
      expect(
        await db.query(
          `select 1 from pgboss.job where name = 'start-incident-updated-runs' and data->>'incidentId' = $1`,
          [incidentId],
        ),
      ).toEqual([]);
    });
  });
});
