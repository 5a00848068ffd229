import { recordAudit } from '@palisade/db/audit';
import { removeHoliday as removeHolidayRow } from '@palisade/db/queries/sla/save-sla-settings';
import { TRPCError } from '@trpc/server';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { RemoveHolidayInput } from './holiday.schema';

/** Removes a holiday of the tenant; NOT_FOUND when there is none that day. Audited. */
export const removeHoliday = adminTenantProcedure
  .input(RemoveHolidayInput)
  .mutation(async ({ ctx, input }) => {
    const result = await removeHolidayRow(ctx.tx, ctx.tenantId, input.day);
    if (!result.removed) throw new TRPCError({ code: 'NOT_FOUND', message: `no holiday on ${input.day}` });
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'sla.remove_holiday',
      target: `sla_holiday:${input.day}`,
      before: { day: input.day },
    });
    return result;
  });
