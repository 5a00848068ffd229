import { recordAudit } from '@palisade/db/audit';
import { saveHoliday } from '@palisade/db/queries/sla/save-sla-settings';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveHolidayInput } from './holiday.schema';

/** Adds or renames a holiday of the tenant (no business hours that day). Audited. */
export const addHoliday = adminTenantProcedure.input(SaveHolidayInput).mutation(async ({ ctx, input }) => {
  const saved = await saveHoliday(ctx.tx, ctx.tenantId, input.holiday);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'sla.save_holiday',
    target: `sla_holiday:${input.holiday.day}`,
    after: input.holiday,
  });
  return saved;
});
