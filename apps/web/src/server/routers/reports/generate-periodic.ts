import { recordAudit } from '@palisade/db/audit';
import { localDayRange } from '@palisade/db/queries/reports/report-period';
import { requestReport } from '@palisade/db/queries/reports/request-report';
import { tenants } from '@palisade/db/schema';
import { eq } from 'drizzle-orm';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { GeneratePeriodicReportInput } from './reports.schema';

/** An on-demand periodic report over whole local days of the tenant, [first day 00:00, last day + 1). */
export const generatePeriodic = staffTenantProcedure
  .input(GeneratePeriodicReportInput)
  .mutation(async ({ ctx, input }) => {
    const [tenant] = await ctx.tx
      .select({ timezone: tenants.timezone })
      .from(tenants)
      .where(eq(tenants.id, ctx.tenantId));
    const { from, to } = localDayRange(input.fromDay, input.toDay, tenant?.timezone ?? 'UTC');
    const queued = await requestReport(ctx.tx, {
      kind: 'periodic',
      tenantId: ctx.tenantId,
      from,
      to,
      emailRecipients: input.emailRecipients ?? false,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'report.generate',
      target: `report:${queued.reportId}`,
      after: { from: input.fromDay, to: input.toDay, version: queued.version },
      ip: ctx.ip,
    });
    return queued;
  });
