import { requestReport } from '@palisade/db/queries/reports/request-report';
import { reportGenerate } from '@palisade/playbook/actions/report-generate';
import { actionImpl } from '../playbooks/action-impl';

/** Where a signed-in user (console or portal) downloads a report; the route checks the tenant scope. */
export const reportDownloadPath = (tenantId: string, reportId: string) =>
  `/api/reports/v1/tenants/${tenantId}/reports/${reportId}/pdf`;

/**
 * Queues the report in the run's transaction (the render is a `generate-report` job); the step's
 * idempotency key makes a resumed run return the report it queued the first time.
 */
export const reportGenerateImpl = actionImpl({
  mode: 'tx',
  contract: reportGenerate,
  run: async (input, ctx, tx) => {
    const common = {
      tenantId: ctx.tenantId,
      emailRecipients: false,
      idempotencyKey: ctx.idempotencyKey,
      createdBy: null,
    };
    const queued =
      input.kind === 'incident'
        ? await requestReport(tx, { ...common, kind: 'incident', incidentId: input.incidentId ?? '' })
        : await requestReport(tx, {
            ...common,
            kind: 'periodic',
            from: input.from ?? '',
            to: input.to ?? '',
          });
    return { reportId: queued.reportId, downloadPath: reportDownloadPath(ctx.tenantId, queued.reportId) };
  },
});
