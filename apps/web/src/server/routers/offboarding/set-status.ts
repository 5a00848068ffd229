import { setTenantStatus } from '@palisade/db/queries/tenants/save-tenant';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SetTenantStatusInput } from './set-status.schema';

/**
 * MSSP admins: suspends or reactivates a tenant. Suspended: ingest answers 403 tenant_suspended,
 * daemons skip it, its portal shows the locked page and analysts lose it from their scope.
 */
export const setStatus = adminTenantProcedure
  .input(SetTenantStatusInput)
  .mutation(({ ctx, input }) =>
    setTenantStatus(ctx.tx, { tenantId: ctx.tenantId, status: input.status, actorUserId: ctx.actor.userId }),
  );
