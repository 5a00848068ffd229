import { checkKpiRange, KPI_PERIODS } from '@palisade/db/queries/kpis/tenant-kpis';
import { z } from 'zod';

/** The client's KPI page: a range of incident creation and the trend's bucket size. */
export const PortalKpisInput = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    period: z.enum(KPI_PERIODS).default('month'),
  })
  .superRefine(checkKpiRange);
export type PortalKpisInput = z.input<typeof PortalKpisInput>;
