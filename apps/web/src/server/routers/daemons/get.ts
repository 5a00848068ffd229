import { listDaemonOutputs } from '@palisade/db/queries/daemons/daemon-outputs';
import {
  getDaemon,
  listCursorHistory,
  listDaemonRuns,
  liveState,
} from '@palisade/db/queries/daemons/list-daemons';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { GetDaemonInput } from './daemons.schema';

/** One daemon: YAML, live state, cursor and its history, the last 50 runs, saved files. */
export const get = staffTenantProcedure.input(GetDaemonInput).query(async ({ ctx, input }) => {
  const { daemon, cursor } = await getDaemon(ctx.tx, { tenantId: ctx.tenantId, daemonId: input.daemonId });
  const runs = await listDaemonRuns(ctx.tx, { tenantId: ctx.tenantId, daemonId: daemon.id, limit: 50 });
  return {
    daemon: {
      id: daemon.id,
      tenantId: daemon.tenantId,
      name: daemon.name,
      kind: daemon.kind,
      yaml: daemon.yaml,
      enabled: daemon.enabled,
      scheduleKind: daemon.scheduleKind,
      nextRunAt: daemon.nextRunAt,
      lastRunAt: daemon.lastRunAt,
      lastError: daemon.lastError,
      dataSourceId: daemon.dataSourceId,
      state: liveState(daemon.enabled, runs[0]?.status ?? null),
    },
    cursor,
    cursorHistory: await listCursorHistory(ctx.tx, {
      tenantId: ctx.tenantId,
      daemonId: daemon.id,
      limit: 20,
    }),
    runs,
    outputs: await listDaemonOutputs(ctx.tx, { tenantId: ctx.tenantId, daemonId: daemon.id }),
  };
});
