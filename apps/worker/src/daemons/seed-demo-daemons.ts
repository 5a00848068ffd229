import path from 'node:path';
import type { Db } from '@palisade/db/client';
import { daemonNameTaken } from '@palisade/db/queries/daemons/list-daemons';
import { withTenantOn } from '@palisade/db/with-tenant';
import { listDaemonTemplates } from './daemon-templates';
import { saveDaemon } from './save-daemon';

/** The demo syslog port (unprivileged; `logger -n 127.0.0.1 -P 5514 -T ...` sends to it). */
export const DEMO_SYSLOG_PORT = 5514;

/**
 * Demo seed: the first tenant gets a syslog listener on 127.0.0.1:5514 and an indicator feed that
 * loads a local list (offline), every tenant the stale-incident check. Idempotent: a daemon whose
 * name exists is left alone, so restarts and a tenant's edits are kept.
 */
export async function seedDemoDaemons(db: Db, tenantIds: readonly string[]): Promise<{ created: number }> {
  const templates = new Map(listDaemonTemplates().map((t) => [t.kind, t]));
  const template = (kind: string) => {
    const t = templates.get(kind);
    if (!t) throw new Error(`no daemon template for kind ${kind}`);
    return t;
  };
  // Shipped beside the templates, so the demo feed needs no network.
  const feedFile = path.join(path.dirname(template('syslog').path), 'demo-indicators.txt');
  const perTenant = (first: boolean): string[] => [
    ...(first
      ? [
          template('syslog')
            .yaml.replace('port: 5514', `port: ${DEMO_SYSLOG_PORT}`)
            .replace('host: 0.0.0.0', 'host: 127.0.0.1'),
          template('file-feed')
            .yaml.replace('name: indicator-list', 'name: demo-indicator-list')
            .replace(
              'location: https://feeds.example/indicators.txt',
              `location: ${JSON.stringify(feedFile)}`,
            )
            .replace('source: list:example', 'source: list:demo'),
        ]
      : []),
    template('stale-incidents').yaml,
  ];
  let created = 0;
  for (const [i, tenantId] of tenantIds.entries()) {
    await withTenantOn(db, tenantId, async (tx) => {
      for (const yaml of perTenant(i === 0)) {
        const name = /^name: (.+)$/m.exec(yaml)?.[1] ?? '';
        if (await daemonNameTaken(tx, tenantId, name)) continue;
        const r = await saveDaemon(tx, { tenantId, yaml, actorUserId: null });
        if (!r.ok)
          throw new Error(
            `demo daemon ${name}: ${r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`,
          );
        created++;
      }
    });
  }
  return { created };
}
