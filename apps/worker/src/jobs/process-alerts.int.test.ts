import { createHash, randomBytes } from 'node:crypto';
import { setDatabase } from '@palisade/db/client';
import { createDataSource } from '@palisade/db/queries/data-sources/create-data-source';
import { setTenantCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { acceptAlerts } from '@palisade/db/queries/ingest/accept-alerts';
import type { SeededTenant } from '@palisade/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { playbookHarness } from '../../test/playbook-harness';
import { startTestWorker, type TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import { type FakeServer, startFakeServer } from '../integrations/osint/test/fake-provider-server';
import { greynoiseScanner, urlscanSearch } from '../integrations/osint/test/vendor-fixtures';
import { installDefaultPlaybooks } from '../playbooks/install-default-playbooks';
import { reportJobs } from '../reports/report-jobs';
import { playbookJobsFor } from './playbook-jobs';
import { processAlertsJob } from './process-alerts';

const key = randomBytes(32);
let server: FakeServer;

beforeAll(async () => {
  process.env.PALISADE_SECRET_KEY = key.toString('hex');
  // Enrichment uses the global fetch: anything but the local stand-in would be the internet.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (url: string | URL | Request, init?: RequestInit) => {
    const href = url instanceof Request ? url.url : String(url);
    if (!href.startsWith('http://127.0.0.1:'))
      return Promise.reject(new Error(`test tried to reach ${href}`));
    return realFetch(url, init);
  });
  server = await startFakeServer((req) =>
    req.path.startsWith('/api/v1/search')
      ? { status: 200, body: urlscanSearch }
      : { status: 200, body: greynoiseScanner },
  );
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

describe.each(TEST_DATABASE_KINDS)('process-alerts starts the master playbook on %s', (kind) => {
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
    await h.tenant(a.id, async (tx) => {
      await installDefaultPlaybooks(tx, a.id);
      for (const provider of ['greynoise', 'urlscan']) {
        await setTenantCredential(tx, key, {
          tenantId: a.id,
          provider,
          baseUrl: server.url,
          actorUserId: null,
        });
      }
    });
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    setDatabase(undefined);
    await db.close();
  });

  /** One alert through the intake's own query (stored raw + process-alerts job in one transaction). */
  async function ingest(tenantId: string, raw: Record<string, unknown>): Promise<string> {
    return h.tenant(tenantId, async (tx) => {
      const { dataSource } = await createDataSource(tx, { tenantId, name: 'SIEM', actorUserId: null });
      const text = JSON.stringify(raw);
      const [item] = await acceptAlerts(tx, {
        tenantId,
        dataSourceId: dataSource.id,
        items: [
          {
            raw,
            payloadHash: createHash('sha256').update(text).digest('hex'),
            key: `sid:${String(raw.id)}`,
            ttlHours: null,
          },
        ],
      });
      if (item?.status !== 'accepted') throw new Error(`alert not accepted: ${JSON.stringify(item)}`);
      return item.alertId;
    });
  }

  const incidentOf = (alertId: string) =>
    waitFor(
      async () =>
        (
          await db.query<{ incident_id: string | null }>(
            `select incident_id::text from alerts where id = $1 and status = 'processed'`,
            [alertId],
          )
        )[0]?.incident_id ?? undefined,
      { timeoutMs: 30_000, what: `alert ${alertId} processed` },
    );

  it('runs the master flow for a new incident: enrichment stored, SLA started, report queued', async () => {
    // The report jobs too: report.generate queues a generate-report job in its step's transaction.
    worker = await startTestWorker(db, [processAlertsJob, ...playbookJobsFor(h.ex), ...reportJobs], {
      concurrency: 2,
    });

    const alertA = await ingest(a.id, {
      id: `beacon-${kind}`,
      title: 'Beacon to C2',
      rule_name: 'C2 beacon',
      host: 'WS-17',
      severity: 'high',
      src_ip: '198.51.100.23',
      message: 'outbound beacon from WS-17 to 198.51.100.23',
    });
    // Tenant B has no playbooks: its incident starts nothing.
    const alertB = await ingest(b.id, {
      id: `beacon-b-${kind}`,
      title: 'Beacon',
      host: 'PC-1',
      severity: 'low',
      message: 'beacon to 198.51.100.24',
    });
    const incidentA = await incidentOf(alertA);
    const incidentB = await incidentOf(alertB);

    const masters = await db.query<{ id: string; trigger: string }>(
      `select r.id::text, r.trigger from playbook_runs r join playbooks p on p.tenant_id = r.tenant_id and p.id = r.playbook_id
        where r.tenant_id = $1 and r.incident_id = $2 and r.parent_run_id is null and p.slug = 'mssp-master'`,
      [a.id, incidentA],
    );
    expect(masters).toEqual([{ id: expect.any(String), trigger: 'incident.created' }]);
    const runId = masters[0]?.id as string;
    const root = await h.settled(a.id, runId, 60_000);
    expect(root.run.error).toBeNull();
    expect(root.run.status).toBe('succeeded');

    const children = await db.query<{ slug: string; status: string }>(
      `select p.slug, r.status::text from playbook_runs r join playbooks p on p.tenant_id = r.tenant_id and p.id = r.playbook_id
        where r.parent_run_id = $1 order by p.slug`,
      [runId],
    );
    expect(children).toEqual(
      [
        'enrichment-correlation',
        'ioc-extraction',
        'kpi-tracking',
        'reporting',
        'sla-monitoring',
        'tier1-notification',
      ].map((slug) => ({ slug, status: 'succeeded' })),
    );

    const steps = await db.query<{ action_id: string; status: string; error: string | null }>(
      `select s.action_id, s.status::text, s.error from playbook_step_runs s
         join playbook_runs r on r.tenant_id = s.tenant_id and r.id = s.run_id
        where r.parent_run_id = $1 and s.action_id is not null order by s.action_id`,
      [runId],
    );
    const byAction = (id: string) => steps.filter((s) => s.action_id === id);
    expect(byAction('report.generate')).toEqual([
      { action_id: 'report.generate', status: 'succeeded', error: null },
    ]);
    expect(byAction('sla.start')).toEqual([{ action_id: 'sla.start', status: 'succeeded', error: null }]);
    expect(byAction('enrich.incident')).toEqual([
      { action_id: 'enrich.incident', status: 'succeeded', error: null },
    ]);
    expect(byAction('incident.comment').map((s) => s.status)).not.toContain('failed');

    // The enrichment section judged the stored artifact through the (local) provider and kept the result.
    const enrichment = await db.query<{ summary: { worst: string } }>(
      'select summary from incident_enrichments where tenant_id = $1 and incident_id = $2',
      [a.id, incidentA],
    );
    expect(enrichment.map((e) => e.summary.worst)).toEqual(['malicious']);
    expect(server.requests.some((r) => r.path.includes('198.51.100.23'))).toBe(true);

    expect(
      await db.query('select id from playbook_runs where tenant_id = $1 and incident_id = $2', [
        b.id,
        incidentB,
      ]),
    ).toEqual([]);
  }, 90_000);
});
