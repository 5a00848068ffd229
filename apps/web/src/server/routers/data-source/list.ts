import { listDataSources } from '@palisade/db/queries/data-sources/list-data-sources';
import { tenants } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { staffProcedure } from '@/server/trpc/procedures';
import { ListDataSourcesInput } from './list.schema';

/** Data sources of the staff member's tenants with their keys (prefix only: a key is shown once, at creation). */
export const list = staffProcedure.input(ListDataSourcesInput).query(async ({ ctx, input }) => {
  const { tenantId } = input;
  if (tenantId && !ctx.actor.tenantIds.includes(tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  const scope = tenantId ? [tenantId] : ctx.actor.tenantIds;
  if (scope.length === 0) return [];
  return withTenant(scope, async (tx) => {
    const sources = await listDataSources(tx, { tenantId });
    const names = new Map(
      (await tx.select({ id: tenants.id, name: tenants.name }).from(tenants)).map((t) => [t.id, t.name]),
    );
    return sources.map((s) => ({ ...s, tenantName: names.get(s.tenantId) ?? '' }));
  });
});
