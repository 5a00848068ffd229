import { listPlaybooks } from '@palisade/db/queries/playbooks/catalog';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** The tenant's playbooks with their current version and trigger. */
export const list = staffTenantProcedure.query(({ ctx }) => listPlaybooks(ctx.tx, ctx.tenantId));
