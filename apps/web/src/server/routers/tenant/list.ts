import { tenants } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { asc } from 'drizzle-orm';
import { staffProcedure } from '@/server/trpc/procedures';
import { tenantSummaryColumns } from './tenant-summary';

/** Tenants in the staff member's scope (all for an mssp_admin, the assigned ones for an analyst). */
export const list = staffProcedure.query(async ({ ctx }) => {
  if (ctx.actor.tenantIds.length === 0) return [];
  return withTenant(ctx.actor.tenantIds, (tx) =>
    tx.select(tenantSummaryColumns).from(tenants).orderBy(asc(tenants.name)),
  );
});
