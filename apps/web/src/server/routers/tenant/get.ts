import { tenants } from '@palisade/db/schema';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { tenantProcedure } from '@/server/trpc/procedures';
import { tenantSummaryColumns } from './tenant-summary';

export const get = tenantProcedure.query(async ({ ctx }) => {
  const [tenant] = await ctx.tx
    .select(tenantSummaryColumns)
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  if (!tenant) throw new TRPCError({ code: 'NOT_FOUND' });
  return tenant;
});
