import { loadSlaPolicies, loadTenantCalendar } from '@palisade/db/queries/sla/load-sla-config';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** The tenant's SLA: every severity's policy (saved or default), its working week, timezone and holidays. */
export const settings = staffTenantProcedure.query(async ({ ctx }) => {
  const policies = await loadSlaPolicies(ctx.tx, ctx.tenantId);
  const calendar = await loadTenantCalendar(ctx.tx, ctx.tenantId);
  return {
    policies,
    timezone: calendar.timezone,
    weeklyHours: calendar.weeklyHours,
    customHours: calendar.custom,
    holidays: [...calendar.holidays].sort(),
  };
});
