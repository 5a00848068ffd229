import { tenantRowCounts } from '@palisade/db/queries/offboarding/tenant-row-counts';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** MSSP admins: the tenant's rows per table, i.e. what an export contains and a deletion removes. */
export const preview = adminTenantProcedure.query(({ ctx }) => tenantRowCounts(ctx.tx, ctx.tenantId));
