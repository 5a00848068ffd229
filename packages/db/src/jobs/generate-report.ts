import { z } from 'zod';

/** Render one queued report (a `reports` row) to PDF chunks, then email it if asked. */
export const GENERATE_REPORT = 'generate-report';

export const GenerateReportPayload = z.object({ tenantId: z.uuid(), reportId: z.uuid() });
export type GenerateReportPayload = z.infer<typeof GenerateReportPayload>;

/** Enqueue periodic reports that are due for every tenant with a schedule (cron, idempotent per slot). */
export const ENQUEUE_PERIODIC_REPORTS = 'enqueue-periodic-reports';
export const EnqueuePeriodicReportsPayload = z.object({});
export type EnqueuePeriodicReportsPayload = z.infer<typeof EnqueuePeriodicReportsPayload>;
