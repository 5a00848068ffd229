import { randomBytes } from 'node:crypto';
import { setTenantCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { findThreatIndicators } from '@palisade/db/queries/enrichment/threat-indicators';
import { normalizeAlert } from '@palisade/ioc/normalize-alert';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SplunkStandIn, startSplunkStandIn } from '../../../integrations/splunk/test/splunk-stand-in';
import { startTaxiiStandIn, type TaxiiStandIn } from '../../../integrations/taxii/test/taxii-stand-in';
import { type DaemonHarness, openDaemonHarness } from '../../test/daemon-harness';

// Connectors behind the daemon framework: the scheduler runs them, the intake / threat-intel store
// receives their items together with the cursor, a failing source leaves the cursor where it was.
let h: DaemonHarness;
let taxii: TaxiiStandIn;
let splunk: SplunkStandIn;
const key = randomBytes(32);

beforeAll(async () => {
  process.env.PALISADE_SECRET_KEY = key.toString('hex');
  h = await openDaemonHarness('postgres', 2);
  [taxii, splunk] = await Promise.all([startTaxiiStandIn(), startSplunkStandIn()]);
  const [a] = h.tenants;
  if (!a) throw new Error('no tenant');
  await h.tenant(a.id, async (tx) => {
    await setTenantCredential(tx, key, {
      tenantId: a.id,
      provider: 'taxii',
      secret: `${taxii.user}:${taxii.password}`,
      actorUserId: null,
    });
    await setTenantCredential(tx, key, {
      tenantId: a.id,
      provider: 'splunk',
      secret: splunk.token,
      baseUrl: splunk.url,
      actorUserId: null,
    });
  });
});
afterAll(async () => {
  await Promise.all([taxii?.close(), splunk?.close()]);
  await h?.close();
});

const cursorOf = async (tenantId: string, daemonId: string) =>
  (
    await h.query<{ value: unknown }>(
      'select value from public.daemon_cursors where tenant_id = $1 and daemon_id = $2',
      [tenantId, daemonId],
    )
  )[0]?.value ?? null;

/** Runs one daemon now through the scheduler (every other daemon is made not due). */
async function runNow(tenantId: string, daemonId: string) {
  await h.query(
    "update public.daemons set next_run_at = now() + interval '1 day' where not (tenant_id = $1 and id = $2)",
    [tenantId, daemonId],
  );
  await h.query(
    'update public.daemons set next_run_at = now(), lease_until = null, lease_owner = null where tenant_id = $1 and id = $2',
    [tenantId, daemonId],
  );
  const s = h.scheduler();
  expect(await s.tick()).toBe(1);
  await s.idle();
  return h.lastRun(tenantId, daemonId);
}

describe('feed and SIEM daemons through the framework', () => {
  it('a TAXII daemon fills the tenant threat-intel store that enrichment reads; a 500 keeps the cursor', async () => {
    const [a, b] = h.tenants;
    if (!a || !b) throw new Error('no tenants');
    const added = new Date(Date.now() - 10 * 60_000).toISOString();
    taxii.objects.push({
      added,
      object: {
        type: 'indicator',
        id: 'indicator--11111111-1111-4111-8111-111111111111',
        name: 'C2 server',
        pattern: "[ipv4-addr:value = '198.51.100.77'] OR [domain-name:value = 'c2.badcorp.net']",
        pattern_type: 'stix',
        valid_from: added,
        modified: added,
      },
    });
    const d = await h.save(
      a.id,
      `name: taxii-feed\nkind: taxii\nschedule:\n  every: 30m\ninputs:\n  discoveryUrl: ${taxii.url}/taxii2/\n  collection: Indicators\nsecrets:\n  taxii:\n    credential: taxii\noutput:\n  source: taxii:stand-in\n`,
    );
    expect(await runNow(a.id, d.id)).toMatchObject({ status: 'succeeded', created: 2 });
    const found = await h.tenant(a.id, (tx) =>
      findThreatIndicators(tx, { tenantId: a.id, type: 'ipv4', value: '198.51.100.77' }),
    );
    expect(found).toEqual([
      expect.objectContaining({ source: 'taxii:stand-in', verdict: 'malicious', description: 'C2 server' }),
    ]);
    // Per tenant: B never sees A's feed.
    expect(
      await h.tenant(b.id, (tx) =>
        findThreatIndicators(tx, { tenantId: b.id, type: 'ipv4', value: '198.51.100.77' }),
      ),
    ).toEqual([]);
    const cursor = await cursorOf(a.id, d.id);
    expect(cursor).toEqual({ addedAfter: added });

    taxii.fail({ kind: 'status', status: 500, path: /objects/ });
    const failed = await runNow(a.id, d.id);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed?.error).toMatch(/TAXII: HTTP 500/);
    expect(await cursorOf(a.id, d.id)).toEqual(cursor);
  });

  it('a Splunk daemon turns notables into alerts the built-in Splunk mapper reads, deduplicated on event_id', async () => {
    const [a] = h.tenants;
    if (!a) throw new Error('no tenant');
    const t = Math.floor(Date.now() / 1000) - 600;
    splunk.events.push(
      { _time: t, event_id: 'ES-1', rule_name: 'Brute force', src_ip: '203.0.113.50', urgency: 'high' },
      { _time: t + 1, event_id: 'ES-2', rule_name: 'Malware', urgency: 'medium' },
    );
    const d = await h.save(
      a.id,
      `name: splunk-notables\nkind: splunk\nschedule:\n  every: 1m\ninputs:\n  search: index=notable\n  lagSeconds: 0\n  jobPollMs: 100\nsecrets:\n  splunk:\n    credential: splunk\nrules:\n  lookBack: 1h\n`,
    );
    expect(await runNow(a.id, d.id)).toMatchObject({ status: 'succeeded', created: 2, duplicates: 0 });
    const [row] = await h.query<{ data_source_id: string }>(
      'select data_source_id from public.daemons where tenant_id = $1 and id = $2',
      [a.id, d.id],
    );
    const stored = await h.alerts(a.id, row?.data_source_id as string);
    expect(stored.map((s) => (s.raw as { result: { event_id: string } }).result.event_id).sort()).toEqual([
      'ES-1',
      'ES-2',
    ]);
    const normalized = await normalizeAlert(stored.find((s) => JSON.stringify(s.raw).includes('ES-1'))?.raw);
    expect(normalized).toMatchObject({
      ok: true,
      mapper: 'splunk',
      alert: { sourceAlertId: 'ES-1', severity: { level: 'high' } },
    });
    // Rewinding re-fetches both: intake dedup drops them.
    await h.query('update public.daemon_cursors set value = null where tenant_id = $1 and daemon_id = $2', [
      a.id,
      d.id,
    ]);
    expect(await runNow(a.id, d.id)).toMatchObject({ status: 'succeeded', created: 0, duplicates: 2 });
  });
});
