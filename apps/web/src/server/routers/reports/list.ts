import { listReports } from '@palisade/db/queries/reports/report-store';
import { tenantProcedure } from '@/server/trpc/procedures';
import { ListReportsInput } from './reports.schema';

/** The tenant's reports, newest first. Client users see only finished ones. */
export const list = tenantProcedure.input(ListReportsInput).query(({ ctx, input }) =>
  listReports(ctx.tx, {
    tenantId: ctx.tenantId,
    limit: input.limit,
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    readyOnly: ctx.actor.kind === 'client',
  }),
);
