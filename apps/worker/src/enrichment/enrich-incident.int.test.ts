import { randomBytes } from 'node:crypto';
import { getIncidentEnrichment } from '@palisade/db/queries/enrichment/incident-enrichment';
import { artifacts, incidentArtifacts, incidents, listEntries } from '@palisade/db/schema';
import { type SeededTenant, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrichOptions } from '../integrations/osint/enrich-artifact';
import { greynoise } from '../integrations/osint/providers/greynoise';
import { type FakeServer, startFakeServer } from '../integrations/osint/test/fake-provider-server';
import { greynoiseScanner } from '../integrations/osint/test/vendor-fixtures';
import { enrichIncident } from './enrich-incident';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let a: SeededTenant;
let server: FakeServer;
const incidentId = crypto.randomUUID();
const assetEntryId = crypto.randomUUID();
const now = new Date();

const options = (): EnrichOptions => ({
  db: t.app.db,
  secretKey: randomBytes(32),
  providers: [{ ...greynoise, rateLimit: { capacity: 1000, refillPerSecond: 1000 } }],
  baseUrls: { greynoise: server.url },
  localIntel: false,
});

const priorityOf = async () =>
  (await t.db.select({ p: incidents.priority }).from(incidents).where(eq(incidents.id, incidentId)))[0]?.p;

beforeAll(async () => {
  [a] = (await seedTenants(t.db, 1)) as [SeededTenant];
  server = await startFakeServer();
  server.reply({ status: 200, body: greynoiseScanner });
  await t.db.insert(incidents).values({
    tenantId: a.id,
    id: incidentId,
    number: 1,
    title: 'Phishing with C2 callback',
    severity: 'medium',
    priority: 'p3',
    firstAlertAt: now,
    lastAlertAt: now,
  });
  const rows = [
    { type: 'ipv4', value: '198.51.100.7' },
    { type: 'host', value: 'dc01.corp.example' },
    { type: 'domain', value: 'intranet.corp.example' },
    { type: 'mitre_technique', value: 'T1566' },
  ].map((r) => ({ tenantId: a.id, id: crypto.randomUUID(), ...r }));
  await t.db.insert(artifacts).values(rows);
  await t.db
    .insert(incidentArtifacts)
    .values(rows.map((r) => ({ tenantId: a.id, incidentId, artifactId: r.id })));
  await t.db.insert(listEntries).values([
    {
      tenantId: a.id,
      id: assetEntryId,
      list: 'asset',
      matchKind: 'value',
      value: 'dc01.corp.example',
      criticality: 'critical',
    },
    {
      tenantId: a.id,
      list: 'allow',
      matchKind: 'pattern',
      value: '*.corp.example',
      artifactType: 'domain',
      reason: 'own domains',
    },
  ]);
});
afterAll(() => server.close());

describe('enrichIncident', () => {
  it('stores verdicts per artifact, the summary and techniques, and raises priority for a critical asset', async () => {
    const { summary, techniques } = await enrichIncident(options(), { tenantId: a.id, incidentId, now });
    expect(summary.artifacts.map((x) => [x.type, x.verdict])).toEqual(
      expect.arrayContaining([
        ['ipv4', 'malicious'],
        ['host', 'unknown'],
        ['domain', 'benign'],
      ]),
    );
    expect(summary.counts).toMatchObject({ malicious: 1, benign: 1 });
    expect(summary.reasons).toEqual([
      'priority raised: critical asset, asset list entry "dc01.corp.example"',
    ]);
    expect(techniques).toEqual([
      expect.objectContaining({ id: 'T1566', name: 'Phishing', tactics: ['initial-access'] }),
    ]);
    expect(await priorityOf()).toBe('p1');

    const stored = await withTenantOn(t.app.db, a.id, (tx) => getIncidentEnrichment(tx, { incidentId }));
    expect(stored?.artifacts).toHaveLength(4);
    const ip = stored?.artifacts.find((x) => x.type === 'ipv4');
    expect(ip?.outcomes).toEqual([expect.objectContaining({ provider: 'greynoise', cached: false })]);
    expect(stored?.artifacts.find((x) => x.type === 'domain')?.lists).toMatchObject({
      verdictOverride: 'benign',
      suppressNotifications: true,
    });
  });

  it('a re-run does not drift the priority; removing the asset entry restores it', async () => {
    await enrichIncident(options(), { tenantId: a.id, incidentId, now });
    expect(await priorityOf()).toBe('p1');
    await t.db.delete(listEntries).where(eq(listEntries.id, assetEntryId));
    await enrichIncident(options(), { tenantId: a.id, incidentId, now });
    expect(await priorityOf()).toBe('p3');
  });

  it('another tenant cannot read the enrichment', async () => {
    const [other] = (await seedTenants(t.db, 1)) as [SeededTenant];
    expect(
      await withTenantOn(t.app.db, other.id, (tx) => getIncidentEnrichment(tx, { incidentId })),
    ).toBeNull();
  });
});
