import { deleteTenant } from '@palisade/db/queries/offboarding/delete-tenant';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { DeleteTenantInput } from './delete.schema';

/**
 * MSSP admins: deletes a suspended tenant and every row of it, after the slug is typed. The tenant's
 * audit log goes with it, so the deletion is recorded in the application log (who, which tenant,
 * rows per table).
 */
export const remove = adminTenantProcedure.input(DeleteTenantInput).mutation(async ({ ctx, input }) => {
  const deleted = await deleteTenant(ctx.tx, { tenantId: ctx.tenantId, confirmSlug: input.confirmSlug });
  ctx.log.warn({ actor_user_id: ctx.actor.userId, ip: ctx.ip, deleted }, 'tenant deleted');
  return { tenantId: ctx.tenantId, deleted };
});
