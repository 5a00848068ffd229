import { randomBytes } from 'node:crypto';
import { setDatabase } from '@palisade/db/client';
import type { SeededTenant } from '@palisade/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { playbookHarness } from '../../test/playbook-harness';
import type { TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { installDefaultPlaybooks } from './install-default-playbooks';
import { startIncidentCreatedRuns } from './start-incident-runs';
import { startTriggeredRuns } from './start-triggered-runs';

beforeAll(() => {
  process.env.PALISADE_SECRET_KEY = randomBytes(32).toString('hex');
  // The enrichment section asks OSINT providers through the global fetch: no lookup leaves the machine.
  vi.stubGlobal('fetch', (url: string | URL | Request) =>
    Promise.reject(new Error(`test tried to reach ${url instanceof Request ? url.url : String(url)}`)),
  );
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe.each(TEST_DATABASE_KINDS)('default playbooks and triggers on %s', (kind) => {
  let db: TestDatabase;
  let h: ReturnType<typeof playbookHarness>;
  let a: SeededTenant;
  let b: SeededTenant;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    // enrich.incident opens the process database (getDatabase), as in the app.
    setDatabase(db.database);
    h = playbookHarness(db);
    [a, b] = (await h.seed(2)) as [SeededTenant, SeededTenant];
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    setDatabase(undefined);
    await db.close();
  });

  it('installs the master playbook and its six sections once, keeping tenant edits', async () => {
    const first = await h.tenant(a.id, (tx) => installDefaultPlaybooks(tx, a.id));
    expect(first.installed).toEqual([
      'ioc-extraction',
      'sla-monitoring',
      'enrichment-correlation',
      'tier1-notification',
      'kpi-tracking',
      'reporting',
      'mssp-master',
    ]);
    const edited = (
      await db.query<{ source: string; playbook_id: string }>(
        `select v.source, v.playbook_id from playbook_versions v join playbooks p on p.tenant_id = v.tenant_id and p.id = v.playbook_id
       where p.tenant_id = $1 and p.slug = 'reporting'`,
        [a.id],
      )
    )[0];
    if (!edited) throw new Error('reporting playbook missing');
    await h.save(
      a.id,
      edited.source.replace('name: Reporting', 'name: Reporting (tenant edit)'),
      edited.playbook_id,
    );
    const again = await h.tenant(a.id, (tx) => installDefaultPlaybooks(tx, a.id));
    expect(again.installed).toEqual([]);
    expect(
      await db.query('select name, current_version from playbooks where tenant_id = $1 and slug = $2', [
        a.id,
        'reporting',
      ]),
    ).toEqual([{ name: 'Reporting (tenant edit)', current_version: 2 }]);
    const rows = await db.query<{ slug: string; template_id: string; current_version: number }>(
      'select slug, template_id, current_version from playbooks where tenant_id = $1 order by slug',
      [a.id],
    );
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.template_id === r.slug)).toBe(true);
    expect(await db.query('select 1 from playbooks where tenant_id = $1', [b.id])).toEqual([]);
  });

  it('starts the incident.created playbooks for a new incident, once per incident', async () => {
    worker = await h.startWorker();
    await h.tenant(b.id, (tx) => installDefaultPlaybooks(tx, b.id));
    const incidentId = crypto.randomUUID();
    await db.query(
      `insert into incidents (tenant_id, id, number, title, severity, priority, first_alert_at, last_alert_at)
       values ($1, $2, 1, 'Beacon to hxxp://evil[.]example from 10.0.0.5', 'high', 'p2', now(), now())`,
      [b.id, incidentId],
    );
    const incident = {
      id: incidentId,
      number: 1,
      title: 'Beacon to hxxp://evil[.]example',
      severity: 'high',
      status: 'new',
      created_at: new Date().toISOString(),
    };
    const started = await h.tenant(b.id, (tx) =>
      startTriggeredRuns(tx, b.id, { type: 'incident.created', incident, alert: { raw: {} } }, h.ex),
    );
    expect(started.started).toHaveLength(1);
    // The ingestion's entry point loads the stored incident; same incident, same run.
    const replay = await h.tenant(b.id, (tx) => startIncidentCreatedRuns(tx, b.id, [incidentId], h.ex));
    expect(replay.started).toEqual(started.started);
    const runId = started.started[0] as string;
    const root = await h.settled(b.id, runId, 45_000);
    const children = await db.query<{ slug: string; status: string }>(
      `select p.slug, r.status::text from playbook_runs r join playbooks p on p.tenant_id = r.tenant_id and p.id = r.playbook_id
       where r.parent_run_id = $1 order by p.slug`,
      [runId],
    );
    // The IOC section ran for real: the artifact is attached and the incident tagged.
    expect(children.find((c) => c.slug === 'ioc-extraction')?.status).toBe('succeeded');
    const artifacts = await db.query<{ value: string }>(
      `select a.value from incident_artifacts ia join artifacts a on a.tenant_id = ia.tenant_id and a.id = ia.artifact_id
       where ia.incident_id = $1 order by a.value`,
      [incidentId],
    );
    expect(artifacts.map((r) => r.value)).toContain('http://evil.example');
    // sla.start started the incident's SLA clocks.
    expect(children.find((c) => c.slug === 'sla-monitoring')?.status).toBe('succeeded');
    expect(root.run.error).toBeNull();
    expect(root.run.status).toBe('succeeded');
    const sla = await db.query<{ status: string; error: string }>(
      `select s.status::text, s.error from playbook_step_runs s join playbook_runs r on r.tenant_id = s.tenant_id and r.id = s.run_id
       where r.parent_run_id = $1 and s.action_id = 'sla.start'`,
      [runId],
    );
    expect(sla).toEqual([{ status: 'succeeded', error: null }]);
  }, 120_000);
});
