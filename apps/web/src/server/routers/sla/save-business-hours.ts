import { recordAudit } from '@palisade/db/audit';
import { loadTenantCalendar } from '@palisade/db/queries/sla/load-sla-config';
import { saveWeeklyHours } from '@palisade/db/queries/sla/save-sla-settings';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveBusinessHoursInput } from './save-business-hours.schema';

/** An MSSP admin sets the tenant's working week (its timezone); business-hours clocks re-evaluate. Audited. */
export const saveBusinessHours = adminTenantProcedure
  .input(SaveBusinessHoursInput)
  .mutation(async ({ ctx, input }) => {
    const before = await loadTenantCalendar(ctx.tx, ctx.tenantId);
    const saved = await saveWeeklyHours(ctx.tx, ctx.tenantId, input.weeklyHours);
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'sla.save_business_hours',
      target: `tenant:${ctx.tenantId}`,
      before: before.weeklyHours,
      after: saved.weeklyHours,
    });
    return saved;
  });
