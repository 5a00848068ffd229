import { tenantKpis } from '@palisade/db/queries/kpis/tenant-kpis';
import { withTenant } from '@palisade/db/with-tenant';
import { kpiRowsToCsv } from '@palisade/worker/kpis/kpi-csv';
import { staffProcedure } from '@/server/trpc/procedures';
import { KpiQueryInput } from './query.schema';
import { staffKpiScope } from './staff-kpi-scope';

/** The dashboard's rows as CSV text; the browser saves it as `fileName`. */
export const exportCsv = staffProcedure.input(KpiQueryInput).query(async ({ ctx, input }) => {
  const { tenantId, ...filters } = input;
  const scope = staffKpiScope(ctx.actor, tenantId);
  const rows = scope.length
    ? await withTenant(scope, (tx) => tenantKpis(tx, { ...filters, tenantIds: scope }))
    : [];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { fileName: `kpis-${day(input.from)}-${day(input.to)}.csv`, csv: kpiRowsToCsv(rows) };
});
