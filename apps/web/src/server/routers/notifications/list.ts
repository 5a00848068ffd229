import { listOutboxMessages } from '@palisade/db/queries/outbox/list-outbox';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { staffProcedure } from '@/server/trpc/procedures';
import { ListNotificationsInput } from './list.schema';

/** The outbox across the staff member's tenants (one withTenant over the scope), newest first, no bodies. */
export const list = staffProcedure.input(ListNotificationsInput).query(async ({ ctx, input }) => {
  const { tenantId, ...filters } = input;
  if (tenantId && !ctx.actor.tenantIds.includes(tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  const scope = tenantId ? [tenantId] : ctx.actor.tenantIds;
  if (scope.length === 0) return { items: [], nextCursor: null };
  return withTenant(scope, (tx) => listOutboxMessages(tx, { ...filters, tenantIds: scope }));
});
