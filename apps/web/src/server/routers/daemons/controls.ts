import {
  scheduleDaemonRun,
  setDaemonCursor,
  setDaemonEnabled,
} from '@palisade/db/queries/daemons/daemon-controls';
import { getDaemon } from '@palisade/db/queries/daemons/list-daemons';
import { loadDaemon } from '@palisade/worker/daemons/load-daemon';
import { nextRunAt } from '@palisade/worker/daemons/next-run-at';
import { TRPCError } from '@trpc/server';
import { adminTenantProcedure, staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import {
  GetDaemonInput,
  RescheduleDaemonInput,
  RewindCursorInput,
  SetDaemonEnabledInput,
} from './daemons.schema';

const ok = { ok: true as const };

/** Enable (next run per its schedule) or disable; a listener starts/stops on the worker's next tick. */
export const setEnabled = adminTenantProcedure
  .input(SetDaemonEnabledInput)
  .mutation(async ({ ctx, input }) => {
    const { daemon } = await getDaemon(ctx.tx, { tenantId: ctx.tenantId, daemonId: input.daemonId });
    const { definition } = loadDaemon(daemon);
    await setDaemonEnabled(ctx.tx, {
      tenantId: ctx.tenantId,
      daemonId: daemon.id,
      actorUserId: ctx.actor.userId,
      enabled: input.enabled,
      nextRunAt:
        'every' in definition.schedule
          ? new Date()
          : nextRunAt(definition.schedule, definition.rules, new Date()),
    });
    return ok;
  });

async function pollingDaemon(ctx: Parameters<typeof getDaemon>[0], tenantId: string, daemonId: string) {
  const { daemon } = await getDaemon(ctx, { tenantId, daemonId });
  if (daemon.scheduleKind === 'listen')
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'a listener runs continuously: it has no schedule' });
  if (!daemon.enabled) throw new TRPCError({ code: 'BAD_REQUEST', message: 'enable the daemon first' });
  return daemon;
}

/** Due now: the next scheduler tick (about a second) starts it unless a run is in progress. */
export const runNow = staffTenantProcedure.input(GetDaemonInput).mutation(async ({ ctx, input }) => {
  const daemon = await pollingDaemon(ctx.tx, ctx.tenantId, input.daemonId);
  await scheduleDaemonRun(ctx.tx, {
    tenantId: ctx.tenantId,
    daemonId: daemon.id,
    actorUserId: ctx.actor.userId,
    at: new Date(),
    reason: 'run_now',
  });
  return ok;
});

export const reschedule = adminTenantProcedure
  .input(RescheduleDaemonInput)
  .mutation(async ({ ctx, input }) => {
    const daemon = await pollingDaemon(ctx.tx, ctx.tenantId, input.daemonId);
    await scheduleDaemonRun(ctx.tx, {
      tenantId: ctx.tenantId,
      daemonId: daemon.id,
      actorUserId: ctx.actor.userId,
      at: input.at,
      reason: 'reschedule',
    });
    return ok;
  });

/** Forget the position: the next run starts from the look-back window (dedup drops what is already stored). */
export const resetCursor = adminTenantProcedure.input(GetDaemonInput).mutation(async ({ ctx, input }) => {
  const { daemon } = await getDaemon(ctx.tx, { tenantId: ctx.tenantId, daemonId: input.daemonId });
  await setDaemonCursor(ctx.tx, {
    tenantId: ctx.tenantId,
    daemonId: daemon.id,
    actorUserId: ctx.actor.userId,
    value: null,
    reason: 'reset',
  });
  return ok;
});

/** Move the position to a value the kind's cursor schema accepts (e.g. an earlier history entry). */
export const rewindCursor = adminTenantProcedure.input(RewindCursorInput).mutation(async ({ ctx, input }) => {
  const { daemon } = await getDaemon(ctx.tx, { tenantId: ctx.tenantId, daemonId: input.daemonId });
  const { connector } = loadDaemon(daemon);
  if (connector.mode !== 'poll')
    throw new TRPCError({ code: 'BAD_REQUEST', message: `kind '${daemon.kind}' has no cursor to rewind` });
  const parsed = connector.cursorSchema.safeParse(input.value);
  if (!parsed.success)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `not a ${daemon.kind} cursor: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    });
  await setDaemonCursor(ctx.tx, {
    tenantId: ctx.tenantId,
    daemonId: daemon.id,
    actorUserId: ctx.actor.userId,
    value: parsed.data,
    reason: 'rewind',
  });
  return ok;
});
