import { listReportSchedules, setReportSchedule } from '@palisade/db/queries/reports/schedules';
import { adminTenantProcedure, staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SetScheduleInput } from './reports.schema';

/** The tenant's periodic report schedules (a row per frequency that is on). */
export const schedules = staffTenantProcedure.query(({ ctx }) => listReportSchedules(ctx.tx, ctx.tenantId));

/** Turns a weekly or monthly schedule on or off (MSSP admins; audited). */
export const setSchedule = adminTenantProcedure.input(SetScheduleInput).mutation(async ({ ctx, input }) => {
  await setReportSchedule(ctx.tx, {
    tenantId: ctx.tenantId,
    frequency: input.frequency,
    enabled: input.enabled,
    emailRecipients: input.emailRecipients,
    actorUserId: ctx.actor.userId,
  });
  return listReportSchedules(ctx.tx, ctx.tenantId);
});
