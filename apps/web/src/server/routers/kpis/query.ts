import { tenantKpis } from '@palisade/db/queries/kpis/tenant-kpis';
import { withTenant } from '@palisade/db/with-tenant';
import { staffProcedure } from '@/server/trpc/procedures';
import { KpiQueryInput } from './query.schema';
import { staffKpiScope } from './staff-kpi-scope';

/** KPI rows over the staff member's tenants (RLS is the wall), grouped as asked. */
export const query = staffProcedure.input(KpiQueryInput).query(async ({ ctx, input }) => {
  const { tenantId, ...filters } = input;
  const scope = staffKpiScope(ctx.actor, tenantId);
  if (scope.length === 0) return [];
  return withTenant(scope, (tx) => tenantKpis(tx, { ...filters, tenantIds: scope }));
});
