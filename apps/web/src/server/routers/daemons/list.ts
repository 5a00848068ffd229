import { listDaemons } from '@palisade/db/queries/daemons/list-daemons';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { staffProcedure } from '@/server/trpc/procedures';
import { ListDaemonsInput } from './daemons.schema';

/** Daemons of every tenant in the staff member's scope (or one of them) with live state; the console polls it. */
export const list = staffProcedure.input(ListDaemonsInput).query(async ({ ctx, input }) => {
  if (input.tenantId && !ctx.actor.tenantIds.includes(input.tenantId))
    throw new TRPCError({ code: 'NOT_FOUND' });
  const tenantIds = input.tenantId ? [input.tenantId] : ctx.actor.tenantIds;
  if (tenantIds.length === 0) return [];
  return withTenant(tenantIds, (tx) => listDaemons(tx, { tenantIds }));
});
