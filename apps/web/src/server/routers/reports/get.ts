import { getReport } from '@palisade/db/queries/reports/report-store';
import { TRPCError } from '@trpc/server';
import { tenantProcedure } from '@/server/trpc/procedures';
import { ReportIdInput } from './reports.schema';

/** One report's status and progress (the console polls it while the worker renders). */
export const get = tenantProcedure.input(ReportIdInput).query(async ({ ctx, input }) => {
  const report = await getReport(ctx.tx, input.reportId);
  if (ctx.actor.kind === 'client' && report.status !== 'ready') throw new TRPCError({ code: 'NOT_FOUND' });
  return report;
});
