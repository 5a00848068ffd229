import { recordAudit } from '@palisade/db/audit';
import { requestReport } from '@palisade/db/queries/reports/request-report';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { GenerateIncidentReportInput } from './reports.schema';

/** Queues a new version of the incident's report; the worker renders it and reports progress. */
export const generateIncident = staffTenantProcedure
  .input(GenerateIncidentReportInput)
  .mutation(async ({ ctx, input }) => {
    const queued = await requestReport(ctx.tx, {
      kind: 'incident',
      tenantId: ctx.tenantId,
      incidentId: input.incidentId,
      emailRecipients: input.emailRecipients ?? false,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'report.generate',
      target: `report:${queued.reportId}`,
      after: {
        incidentId: input.incidentId,
        version: queued.version,
        emailRecipients: input.emailRecipients,
      },
      ip: ctx.ip,
    });
    return queued;
  });
