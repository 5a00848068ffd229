import { recordAudit } from '@palisade/db/audit';
import {
  getGroupingSettings,
  listGroupingSources,
  saveGroupingSettings,
} from '@palisade/db/queries/ingest/grouping-settings';
import { TRPCError } from '@trpc/server';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveGroupingInput } from './save.schema';

/**
 * An MSSP admin changes how the tenant's alerts group into incidents: the tenant-wide rule or one
 * data source's override. Applies to alerts processed from now on; audited with before and after.
 */
export const save = adminTenantProcedure.input(SaveGroupingInput).mutation(async ({ ctx, input }) => {
  const before = await getGroupingSettings(ctx.tx, ctx.tenantId);
  const after = { tenant: before.tenant, sources: { ...before.sources } };
  if (input.dataSourceId === undefined) {
    if (!input.rule)
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'the tenant-wide rule cannot be removed' });
    after.tenant = input.rule;
  } else {
    // RLS already hides other tenants' sources: an id that is not the tenant's is simply unknown.
    const known = (await listGroupingSources(ctx.tx, ctx.tenantId)).some((s) => s.id === input.dataSourceId);
    if (!known) throw new TRPCError({ code: 'NOT_FOUND', message: 'data source not found' });
    if (input.rule) after.sources[input.dataSourceId] = input.rule;
    else delete after.sources[input.dataSourceId];
  }
  await saveGroupingSettings(ctx.tx, ctx.tenantId, after);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'grouping.save',
    target: input.dataSourceId ? `data_source:${input.dataSourceId}` : `tenant:${ctx.tenantId}`,
    before: input.dataSourceId ? (before.sources[input.dataSourceId] ?? null) : before.tenant,
    after: input.rule,
  });
  return { tenant: after.tenant, sources: after.sources };
});
