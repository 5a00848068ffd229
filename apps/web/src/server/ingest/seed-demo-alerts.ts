import type { Database } from '@palisade/db/client';
import { createDataSource } from '@palisade/db/queries/data-sources/create-data-source';
import type { DataSourceMapper } from '@palisade/db/queries/data-sources/data-source-mapper';
import { listDataSources } from '@palisade/db/queries/data-sources/list-data-sources';
import { DEMO_TENANTS } from '@palisade/db/seed';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { Logger } from 'pino';
import { type DemoBatch, demoBatches } from './demo-alerts';
import { handleIngest } from './handle-ingest';

const SOURCES: Record<DemoBatch['source'], { name: string; mapper: DataSourceMapper }> = {
  splunk: { name: 'Splunk ES', mapper: { kind: 'builtin', name: 'splunk' } },
  crowdstrike: { name: 'CrowdStrike Falcon', mapper: { kind: 'auto' } },
  wazuh: { name: 'Wazuh', mapper: { kind: 'auto' } },
  cef: { name: 'Palo Alto firewall (CEF)', mapper: { kind: 'builtin', name: 'cef' } },
};

/**
 * Demo alerts for every demo tenant, sent through the real intake (API key, handler, queue) so
 * the worker turns them into incidents like any other alert. Needs the process-alerts queue (start
 * the worker first). Idempotent: a tenant that already has its demo data sources is skipped.
 */
export async function seedDemoAlerts(
  database: Database,
  deps: { log: Logger; secretKey: () => Buffer },
): Promise<{ tenants: number; accepted: number }> {
  let seededTenants = 0;
  let accepted = 0;
  for (const tenant of DEMO_TENANTS) {
    const existing = await withTenantOn(database.db, tenant.id, (tx) =>
      listDataSources(tx, { tenantId: tenant.id }),
    );
    if (existing.some((s) => s.name === SOURCES.splunk.name)) continue;
    seededTenants += 1;
    for (const batch of demoBatches(tenant.slug)) {
      const source = SOURCES[batch.source];
      const created = await withTenantOn(database.db, tenant.id, (tx) =>
        createDataSource(tx, {
          tenantId: tenant.id,
          name: source.name,
          mapper: source.mapper,
          actorUserId: null,
        }),
      );
      const response = await handleIngest(
        new Request('http://127.0.0.1/api/ingest/v1/alerts', {
          method: 'POST',
          headers: { authorization: `Bearer ${created.apiKey.key}`, 'content-type': batch.contentType },
          body: batch.body,
        }),
        { db: database.db, secretKey: deps.secretKey, log: deps.log },
      );
      const result = (await response.json()) as { accepted?: number };
      if (response.status !== 202)
        throw new Error(`demo ingest for ${tenant.slug} answered ${response.status}`);
      accepted += result.accepted ?? 0;
    }
  }
  return { tenants: seededTenants, accepted };
}
