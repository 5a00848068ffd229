import { createHash, randomBytes } from 'node:crypto';
import { setDatabase } from '@palisade/db/client';
import { setTenantCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { setIncidentStatus } from '@palisade/db/queries/incidents/set-incident-status';
import { alerts, type CloseAlertTarget, dataSources, incidentEvents, incidents } from '@palisade/db/schema';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import { type ElasticStandIn, startElasticStandIn } from '../integrations/elastic/test/elastic-stand-in';
import { type SplunkStandIn, startSplunkStandIn } from '../integrations/splunk/test/splunk-stand-in';
import { startWebhookStandIn, type WebhookStandIn } from '../integrations/webhook/test/webhook-stand-in';
import type { JobDefinition } from '../jobs/define-job';
import { siemCloseAlertImpl } from '../playbooks/actions/siem-close-alert';
import { closeSourceAlertJob } from './close-source-alert-job';
import { type CloseSourceAlertsInput, closeSourceAlerts } from './close-source-alerts';

const key = randomBytes(32);
const HOOK_SECRET = 'webhook-signing-secret';
let db: TestDatabase;
let a: SeededTenant;
let b: SeededTenant;
let splunk: SplunkStandIn;
let elastic: ElasticStandIn;
let hook: WebhookStandIn;
const ds: Record<string, string> = {};

const tenant = <T>(tenantId: string, fn: Parameters<typeof withTenantOn<T>>[2]) =>
  withTenantOn(db.database.db, tenantId, fn);

describe.each(TEST_DATABASE_KINDS)('on %s', (kind) => {
  beforeAll(async () => {
    process.env.PALISADE_SECRET_KEY = key.toString('hex');
    db = await openTestDatabase(kind);
    // siem.close_alert opens the process database (getDatabase), as in the app.
    setDatabase(db.database);
    [a, b] = (await seedTenants(db.database.db, 2)) as [SeededTenant, SeededTenant];
    [splunk, elastic, hook] = await Promise.all([
      startSplunkStandIn(),
      startElasticStandIn(),
      startWebhookStandIn(HOOK_SECRET),
    ]);
    const sources: [string, CloseAlertTarget | null, string | null, string | null][] = [
      ['Splunk ES', 'splunk_es', splunk.url, 'splunk-close'],
      ['Elastic', 'elastic', elastic.url, 'elastic-close'],
      ['Webhook', 'webhook', `${hook.url}/hooks/palisade`, 'hook-close'],
      ['Syslog', null, null, null],
      ['Splunk no credential', 'splunk_es', splunk.url, 'missing-credential'],
    ];
    await tenant(a.id, async (tx) => {
      for (const [name, target, url, credential] of sources) {
        const id = crypto.randomUUID();
        ds[name] = id;
        await tx.insert(dataSources).values({
          tenantId: a.id,
          id,
          name,
          closeAlertTarget: target,
          closeAlertUrl: url,
          closeAlertCredential: credential,
        });
      }
      const secrets: [string, string][] = [
        ['splunk-close', splunk.token],
        ['elastic-close', elastic.apiKey],
        ['hook-close', HOOK_SECRET],
      ];
      for (const [provider, secret] of secrets) {
        await setTenantCredential(tx, key, { tenantId: a.id, provider, secret, actorUserId: null });
      }
    });
  });
  afterAll(async () => {
    setDatabase(undefined);
    await Promise.all([splunk?.close(), elastic?.close(), hook?.close()]);
    await db?.close();
  });
  beforeEach(() => {
    splunk.events.length = 0;
    elastic.alerts.length = 0;
    hook.received.clear();
    splunk.notableUpdates.length = 0;
    splunk.requests.length = 0;
    elastic.requests.length = 0;
    hook.requests.length = 0;
  });

  let nextNumber = 1;
  /** A resolved incident of tenant A whose processed alerts came from `[data source, source alert id]`. */
  async function incidentWith(
    sourceAlerts: [string, string][],
    status: 'resolved' | 'in_progress' = 'resolved',
  ): Promise<string> {
    const incidentId = crypto.randomUUID();
    const now = new Date();
    await tenant(a.id, async (tx) => {
      await tx.insert(incidents).values({
        tenantId: a.id,
        id: incidentId,
        number: nextNumber++,
        title: 'Brute force on VPN',
        severity: 'high',
        priority: 'p2',
        status,
        firstAlertAt: now,
        lastAlertAt: now,
        ...(status === 'resolved' ? { resolvedAt: now } : {}),
      });
      for (const [source, sourceAlertId] of sourceAlerts) {
        const raw = { id: sourceAlertId };
        await tx.insert(alerts).values({
          tenantId: a.id,
          dataSourceId: ds[source] as string,
          raw,
          payloadHash: createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
          status: 'processed',
          sourceAlertId,
          incidentId,
        });
      }
    });
    return incidentId;
  }

  const timeline = (incidentId: string) =>
    tenant(a.id, (tx) =>
      tx
        .select({ data: incidentEvents.data })
        .from(incidentEvents)
        .where(and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.kind, 'source_alert_close')))
        .orderBy(asc(incidentEvents.at)),
    ).then((rows) => rows.map((r) => r.data as Record<string, unknown>));

  const close = (incidentId: string, over: Partial<CloseSourceAlertsInput> = {}) =>
    closeSourceAlerts(
      { db: db.database.db, secretKey: () => key, timeoutMs: 1000 },
      { tenantId: a.id, incidentId, attempt: 1, maxAttempts: 3, ...over },
    );

  describe('closing the source alert', () => {
    it('closes Splunk ES notables, Elastic alerts and calls the webhook, once per resolution', async () => {
      splunk.events.push({ _time: 1, event_id: 'notable-1' }, { _time: 2, event_id: 'notable-2' });
      elastic.alerts.push({
        _id: 'elastic-1',
        _index: '.alerts',
        _source: { '@timestamp': '2026-03-01T00:00:00Z', 'kibana.alert.workflow_status': 'open' },
      });
      const incidentId = await incidentWith([
        ['Splunk ES', 'notable-1'],
        ['Splunk ES', 'notable-2'],
        ['Elastic', 'elastic-1'],
        ['Webhook', 'hook-1'],
        ['Syslog', 'syslog-1'],
      ]);
      const result = await close(incidentId, { resolution: 'true_positive' });
      expect(result).toEqual({ closed: 3, unsupported: 1, failed: [] });
      expect(splunk.notableUpdates).toEqual([
        {
          ids: ['notable-1', 'notable-2'],
          status: '5',
          comment: expect.stringMatching(
            /^Resolved in Palisade as true_positive \(INC-\d{6}: Brute force on VPN\)$/,
          ),
        },
      ]);
      expect(elastic.alerts[0]?._source['kibana.alert.workflow_status']).toBe('closed');
      const [delivery] = [...hook.received.values()];
      expect(delivery?.body).toMatchObject({
        type: 'incident.resolved',
        incidentId,
        resolution: 'true_positive',
        sourceAlertIds: ['hook-1'],
        dataSource: 'Webhook',
      });
      expect(delivery?.headers['x-palisade-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

      const events = await timeline(incidentId);
      expect(events.map((e) => [e.dataSourceName, e.outcome, e.final])).toEqual(
        expect.arrayContaining([
          ['Splunk ES', 'closed', true],
          ['Elastic', 'closed', true],
          ['Webhook', 'closed', true],
        ]),
      );
      expect(events).toHaveLength(3);

      // A retry, or the playbook's siem.close_alert for the same resolution, calls nobody again.
      const before = splunk.requests.length + elastic.requests.length + hook.requests.length;
      expect(await close(incidentId)).toEqual({ closed: 3, unsupported: 1, failed: [] });
      expect(splunk.requests.length + elastic.requests.length + hook.requests.length).toBe(before);
      expect(await timeline(incidentId)).toHaveLength(3);
    });

    it.each([
      ['Splunk ES', { kind: 'status', status: 500 } as const, /^Splunk ES: HTTP 500/],
      [
        'Splunk ES',
        { kind: 'status', status: 429, retryAfter: '90' } as const,
        /^Splunk ES: HTTP 429, rate limited \(retry after 90 s\)$/,
      ],
      ['Elastic', { kind: 'status', status: 401 } as const, /^Elastic: HTTP 401, credentials refused/],
      ['Elastic', { kind: 'malformed' } as const, /^Elastic: HTTP 200 answer is not JSON/],
      ['Webhook', { kind: 'hang' } as const, /^Webhook: no answer within 1000 ms$/],
      ['Webhook', { kind: 'status', status: 503 } as const, /^Webhook: HTTP 503/],
    ])(
      '%s failing with %o is recorded on the timeline and the retry closes it',
      async (source, fault, message) => {
        const sourceAlertId = `${source}-${crypto.randomUUID().slice(0, 8)}`;
        if (source === 'Splunk ES') splunk.events.push({ _time: 3, event_id: sourceAlertId });
        if (source === 'Elastic')
          elastic.alerts.push({
            _id: sourceAlertId,
            _index: '.alerts',
            _source: { '@timestamp': '2026-03-01T00:00:00Z' },
          });
        const incidentId = await incidentWith([[source, sourceAlertId]]);
        ({ 'Splunk ES': splunk, Elastic: elastic, Webhook: hook })[source]?.fail(fault);

        const first = await close(incidentId, { attempt: 1, maxAttempts: 3 });
        expect(first.closed).toBe(0);
        expect(first.failed).toEqual([{ dataSourceName: source, message: expect.stringMatching(message) }]);
        const second = await close(incidentId, { attempt: 2, maxAttempts: 3 });
        expect(second).toEqual({ closed: 1, unsupported: 0, failed: [] });
        expect((await timeline(incidentId)).map((e) => [e.outcome, e.attempt, e.final])).toEqual([
          ['failed', 1, false],
          ['closed', 2, true],
        ]);
      },
    );

    it('a SIEM that refuses the ids, or a missing credential, is a visible failure', async () => {
      const unknown = await incidentWith([['Splunk ES', 'never-existed']]);
      expect((await close(unknown, { attempt: 3, maxAttempts: 3 })).failed).toEqual([
        {
          dataSourceName: 'Splunk ES',
          message: 'Splunk ES: notable update refused: No valid ruleUIDs found',
        },
      ]);
      expect((await timeline(unknown))[0]).toMatchObject({ outcome: 'failed', final: true });
      const noCredential = await incidentWith([['Splunk no credential', 'notable-1']]);
      expect((await close(noCredential)).failed).toEqual([
        {
          dataSourceName: 'Splunk no credential',
          message: 'credential "missing-credential" is not configured',
        },
      ]);
    });

    it('the siem.close_alert playbook action closes with the given resolution and comment', async () => {
      const incidentId = await incidentWith([
        ['Webhook', 'action-1'],
        ['Syslog', 'syslog-3'],
      ]);
      const ctx = {
        tenantId: a.id,
        runId: crypto.randomUUID(),
        stepId: 'close_source_alert',
        attempt: 1,
        idempotencyKey: `siem.close:${incidentId}`,
        signal: new AbortController().signal,
      };
      const out = await siemCloseAlertImpl.run(
        { incidentId, resolution: 'false_positive', comment: 'FP: pentest' } as never,
        ctx,
        undefined as never,
      );
      expect(out).toEqual({ closed: 1, unsupported: 1 });
      const delivery = [...hook.received.values()].find(
        (d) => (d.body as { incidentId?: string }).incidentId === incidentId,
      );
      expect(delivery?.body).toMatchObject({ resolution: 'false_positive' });
      expect((await timeline(incidentId))[0]).toMatchObject({ outcome: 'closed', maxAttempts: null });
    });

    it('sees only its own tenant: tenant B cannot close tenant A incidents', async () => {
      const incidentId = await incidentWith([['Webhook', 'isolated-1']]);
      await expect(
        closeSourceAlerts(
          { db: db.database.db, secretKey: () => key },
          { tenantId: b.id, incidentId, attempt: 1, maxAttempts: 1 },
        ),
      ).rejects.toThrow(`incident ${incidentId} not found`);
      expect(hook.requests).toHaveLength(0);
    });

    it('resolving the incident enqueues the job in the same transaction; the worker closes and records it', async () => {
      const worker = await startTestWorker(db, [closeSourceAlertJob as JobDefinition]);
      try {
        const incidentId = await incidentWith([['Webhook', 'resolve-1']], 'in_progress');
        await tenant(a.id, (tx) =>
          setIncidentStatus(tx, { incidentId, status: 'resolved', actorUserId: null }),
        );
        const events = await waitFor(
          async () => {
            const e = await timeline(incidentId);
            return e.length > 0 ? e : undefined;
          },
          { what: 'the close to be recorded' },
        );
        expect(events).toEqual([
          expect.objectContaining({
            dataSourceName: 'Webhook',
            outcome: 'closed',
            attempt: 1,
            maxAttempts: 6,
          }),
        ]);
        expect(
          [...hook.received.values()].some(
            (d) => (d.body as { incidentId?: string }).incidentId === incidentId,
          ),
        ).toBe(true);

        // An incident without closable sources enqueues nothing.
        const quiet = await incidentWith([['Syslog', 'syslog-2']], 'in_progress');
        await tenant(a.id, (tx) =>
          setIncidentStatus(tx, { incidentId: quiet, status: 'resolved', actorUserId: null }),
        );
        const jobs = await db.query<{ n: number }>(
          `select count(*)::int as n from pgboss.job where name = 'close-source-alert' and data->>'incidentId' = $1`,
          [quiet],
        );
        expect(jobs[0]?.n).toBe(0);
      } finally {
        await worker.stop();
      }
    });
  });
});
