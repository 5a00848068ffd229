import { z } from 'zod';

export const ListReportsInput = z.object({
  incidentId: z.uuid().optional(),
  kind: z.enum(['incident', 'periodic']).optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type ListReportsInput = z.input<typeof ListReportsInput>;

export const ReportIdInput = z.object({ reportId: z.uuid() });

export const GenerateIncidentReportInput = z.object({
  incidentId: z.uuid(),
  /** Also email the tenant's report recipients (an expiring link) once it is ready. */
  emailRecipients: z.boolean().default(false),
});
export type GenerateIncidentReportInput = z.input<typeof GenerateIncidentReportInput>;

export const GeneratePeriodicReportInput = z
  .object({
    /** Local calendar days (the tenant's time zone), inclusive. */
    fromDay: z.iso.date(),
    toDay: z.iso.date(),
    emailRecipients: z.boolean().default(false),
  })
  .refine((p) => p.fromDay <= p.toDay, {
    message: 'the first day must not be after the last',
    path: ['toDay'],
  });
export type GeneratePeriodicReportInput = z.input<typeof GeneratePeriodicReportInput>;

export const NarrativeInput = z.object({ incidentId: z.uuid() });

export const SaveNarrativeInput = z.object({
  incidentId: z.uuid(),
  executiveSummary: z.string().max(20_000),
  recommendations: z.string().max(20_000),
});
export type SaveNarrativeInput = z.input<typeof SaveNarrativeInput>;

export const SetScheduleInput = z.object({
  frequency: z.enum(['weekly', 'monthly']),
  enabled: z.boolean(),
  emailRecipients: z.boolean(),
});
export type SetScheduleInput = z.input<typeof SetScheduleInput>;
