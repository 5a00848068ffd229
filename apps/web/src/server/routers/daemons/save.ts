import { saveDaemon } from '@palisade/worker/daemons/save-daemon';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveDaemonInput } from './daemons.schema';

/**
 * Creates or edits a daemon (audited). Invalid YAML stores nothing and returns its errors with line
 * and column; an edited listener restarts with the new definition on the worker's next tick.
 */
export const save = adminTenantProcedure.input(SaveDaemonInput).mutation(async ({ ctx, input }) => {
  const r = await saveDaemon(ctx.tx, {
    tenantId: ctx.tenantId,
    yaml: input.yaml,
    actorUserId: ctx.actor.userId,
    ...(input.daemonId ? { daemonId: input.daemonId } : {}),
  });
  return r.ok ? { ok: true as const, daemonId: r.daemon.id } : { ok: false as const, errors: r.errors };
});
