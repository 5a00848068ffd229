import { checkKpiRange, KpiFilters } from '@palisade/db/queries/kpis/tenant-kpis';
import { z } from 'zod';

/** The console dashboard's filters: one tenant of the staff member's scope, or all of them. */
export const KpiQueryInput = KpiFilters.extend({
  tenantId: z.uuid().optional(),
}).superRefine(checkKpiRange);
export type KpiQueryInput = z.input<typeof KpiQueryInput>;
