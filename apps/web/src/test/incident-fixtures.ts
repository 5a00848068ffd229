import type { Db } from '@palisade/db/client';
import {
  alertArtifacts,
  alerts,
  artifacts,
  dataSourceApiKeys,
  dataSources,
  incidentArtifacts,
  incidentComments,
  incidentEvents,
  incidentRelations,
  incidents,
  type Severity,
} from '@palisade/db/schema';
import type { Fixtures } from './trpc-fixtures';

/** An IOC present at tenants A, B and C: a campaign for the admin (3 tenants) and the analyst (A, C). */
export const CAMPAIGN_IP = '198.51.100.23';

export type TenantIncident = {
  tenantId: string;
  dataSourceId: string;
  apiKeyId: string;
  incidentId: string;
  relatedIncidentId: string;
  alertId: string;
  artifactId: string;
  title: string;
  internalComment: string;
  sharedComment: string;
};

export type IncidentFixtures = { a: TenantIncident; b: TenantIncident; c: TenantIncident };

const hash = (s: string) => Buffer.from(s.padEnd(32, '0').slice(0, 32)).toString('hex');

/**
 * Per tenant A, B, C: a data source with a key, two incidents sharing an artifact (related), one
 * alert, the campaign IP, an internal and a shared comment and a client-visible status event.
 * Written on the owner connection, the way the worker's results would look.
 */
export async function seedIncidentFixtures(db: Db, fx: Fixtures): Promise<IncidentFixtures> {
  const make = async (tenantId: string, label: string, severity: Severity): Promise<TenantIncident> => {
    const ids = {
      dataSourceId: crypto.randomUUID(),
      apiKeyId: crypto.randomUUID(),
      incidentId: crypto.randomUUID(),
      relatedIncidentId: crypto.randomUUID(),
      alertId: crypto.randomUUID(),
      artifactId: crypto.randomUUID(),
      hostArtifactId: crypto.randomUUID(),
    };
    const title = `${label} beacon to ${CAMPAIGN_IP}`;
    const at = new Date('2026-01-10T10:00:00.000Z');
    await db.insert(dataSources).values({ tenantId, id: ids.dataSourceId, name: `${label} SIEM` });
    await db.insert(dataSourceApiKeys).values({
      tenantId,
      id: ids.apiKeyId,
      dataSourceId: ids.dataSourceId,
      prefix: `pk_${label.toLowerCase()}`,
      keyHash: hash(`${label}-${ids.apiKeyId}`),
    });
    const base = {
      tenantId,
      severity,
      priority: 'p2' as const,
      dataSourceId: ids.dataSourceId,
      sourceProduct: 'Falcon',
      alertCount: 1,
      firstAlertAt: at,
      lastAlertAt: at,
    };
    await db.insert(incidents).values([
      { ...base, id: ids.incidentId, number: 1, title, searchTerms: `${CAMPAIGN_IP} ws-${label}` },
      {
        ...base,
        id: ids.relatedIncidentId,
        number: 2,
        title: `${label} second sighting`,
        searchTerms: CAMPAIGN_IP,
        lastAlertAt: new Date(at.getTime() - 60_000),
      },
    ]);
    const raw = { title, host: `ws-${label}`, note: `secret-raw-${label}` };
    await db.insert(alerts).values({
      tenantId,
      id: ids.alertId,
      dataSourceId: ids.dataSourceId,
      status: 'processed',
      raw,
      payloadHash: hash(`alert-${ids.alertId}`),
      title,
      severity,
      hosts: [`ws-${label}`],
      normalized: { title, hosts: [`ws-${label}`] },
      incidentId: ids.incidentId,
      processedAt: at,
    });
    await db.insert(artifacts).values([
      { tenantId, id: ids.artifactId, type: 'ipv4', value: CAMPAIGN_IP, alertCount: 1 },
      { tenantId, id: ids.hostArtifactId, type: 'host', value: `ws-${label}`, alertCount: 1 },
    ]);
    await db.insert(alertArtifacts).values([
      {
        tenantId,
        alertId: ids.alertId,
        artifactId: ids.artifactId,
        locations: [{ field: 'title', start: 16, end: 29 }],
      },
      { tenantId, alertId: ids.alertId, artifactId: ids.hostArtifactId, locations: [{ field: 'hosts' }] },
    ]);
    await db.insert(incidentArtifacts).values([
      { tenantId, incidentId: ids.incidentId, artifactId: ids.artifactId },
      { tenantId, incidentId: ids.incidentId, artifactId: ids.hostArtifactId },
      { tenantId, incidentId: ids.relatedIncidentId, artifactId: ids.artifactId },
    ]);
    await db.insert(incidentRelations).values([
      {
        tenantId,
        incidentId: ids.incidentId,
        relatedIncidentId: ids.relatedIncidentId,
        sharedArtifactIds: [ids.artifactId],
      },
      {
        tenantId,
        incidentId: ids.relatedIncidentId,
        relatedIncidentId: ids.incidentId,
        sharedArtifactIds: [ids.artifactId],
      },
    ]);
    const internalComment = `internal note of ${label}`;
    const sharedComment = `shared note of ${label}`;
    await db.insert(incidentComments).values([
      { tenantId, incidentId: ids.incidentId, body: internalComment, visibility: 'internal', createdAt: at },
      { tenantId, incidentId: ids.incidentId, body: sharedComment, visibility: 'shared', createdAt: at },
    ]);
    await db.insert(incidentEvents).values([
      { tenantId, incidentId: ids.incidentId, kind: 'created', data: {}, clientVisible: true, at },
      {
        tenantId,
        incidentId: ids.incidentId,
        kind: 'comment_added',
        data: { visibility: 'internal', body: internalComment },
        clientVisible: false,
        at: new Date(at.getTime() + 1000),
      },
    ]);
    return { tenantId, ...ids, title, internalComment, sharedComment };
  };
  return {
    a: await make(fx.a.id, 'Alpha', 'high'),
    b: await make(fx.b.id, 'Bravo', 'critical'),
    c: await make(fx.c.id, 'Charlie', 'low'),
  };
}
