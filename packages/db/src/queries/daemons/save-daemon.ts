import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { type Daemon, daemons, dataSources } from '../../schema/index';
import type { DataSourceMapper } from '../data-sources/data-source-mapper';

/** A validated daemon as the worker's validator produced it (the db package does not validate YAML). */
export type DaemonRecord = {
  tenantId: string;
  name: string;
  kind: string;
  yaml: string;
  definition: Record<string, unknown>;
  scheduleKind: 'cron' | 'interval' | 'listen';
  /** Alert-producing kinds get a data source (dedup + mapper); indicator and internal kinds do not. */
  outputsAlerts: boolean;
  /** The YAML `mapping` (generic JSONata mapper) or null for the built-in auto-detection. */
  mapping: Record<string, unknown> | null;
  nextRunAt: Date | null;
  enabled?: boolean;
  actorUserId: string | null;
};

const mapperOf = (mapping: Record<string, unknown> | null): DataSourceMapper =>
  mapping ? { kind: 'generic', mapping } : { kind: 'auto' };

/** Creates a daemon (and its data source when it outputs alerts); audited. */
export async function createDaemon(tx: Tx, input: DaemonRecord): Promise<Daemon> {
  const id = crypto.randomUUID();
  let dataSourceId: string | null = null;
  if (input.outputsAlerts) {
    dataSourceId = crypto.randomUUID();
    await tx.insert(dataSources).values({
      tenantId: input.tenantId,
      id: dataSourceId,
      name: `daemon:${input.name}`,
      description: `Alerts of daemon ${input.name} (${input.kind})`,
      mapper: mapperOf(input.mapping),
      createdByUserId: input.actorUserId,
    });
  }
  const enabled = input.enabled ?? true;
  const [row] = await tx
    .insert(daemons)
    .values({
      tenantId: input.tenantId,
      id,
      name: input.name,
      kind: input.kind,
      yaml: input.yaml,
      definition: input.definition,
      enabled,
      scheduleKind: input.scheduleKind,
      dataSourceId,
      nextRunAt: enabled ? input.nextRunAt : null,
      createdBy: input.actorUserId,
    })
    .returning();
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'daemon.create',
    target: `daemon:${id}`,
    after: { name: input.name, kind: input.kind, enabled },
  });
  return row as Daemon;
}

/**
 * Replaces a daemon's YAML (same kind), its data source mapper and schedule; bumps `version` so a
 * running listener restarts with the new definition. The cursor is kept: an edit is not a reset.
 */
export async function updateDaemon(tx: Tx, daemonId: string, input: DaemonRecord): Promise<Daemon> {
  const before = await getDaemonForUpdate(tx, input.tenantId, daemonId);
  if (before.kind !== input.kind) throw new NotFoundError(`daemon ${daemonId} is not of kind ${input.kind}`);
  if (before.dataSourceId) {
    await tx
      .update(dataSources)
      .set({ mapper: mapperOf(input.mapping), name: `daemon:${input.name}` })
      .where(and(eq(dataSources.tenantId, input.tenantId), eq(dataSources.id, before.dataSourceId)));
  }
  const [row] = await tx
    .update(daemons)
    .set({
      name: input.name,
      yaml: input.yaml,
      definition: input.definition,
      scheduleKind: input.scheduleKind,
      nextRunAt: before.enabled ? input.nextRunAt : null,
      version: sql`${daemons.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(daemons.tenantId, input.tenantId), eq(daemons.id, daemonId)))
    .returning();
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'daemon.update',
    target: `daemon:${daemonId}`,
    before: { name: before.name, yaml: before.yaml },
    after: { name: input.name, yaml: input.yaml },
  });
  return row as Daemon;
}

/** The daemon row locked for an admin change; NotFoundError outside the scope. */
export async function getDaemonForUpdate(tx: Tx, tenantId: string, daemonId: string): Promise<Daemon> {
  const [row] = await tx
    .select()
    .from(daemons)
    .where(and(eq(daemons.tenantId, tenantId), eq(daemons.id, daemonId)))
    .for('update');
  if (!row) throw new NotFoundError(`daemon ${daemonId} not found`);
  return row;
}
