import { TRPCError } from '@trpc/server';
import { tenantProcedure } from './procedures';

/**
 * One tenant of a staff member's scope, in one transaction (tenantProcedure), for MSSP staff
 * only. The tenant check comes first, so a client naming another tenant still gets NOT_FOUND and
 * cannot tell foreign tenant ids from unknown ones; a client naming its own tenant gets FORBIDDEN.
 */
export const staffTenantProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== 'staff') throw new TRPCError({ code: 'FORBIDDEN' });
  return next();
});

/** As staffTenantProcedure, for MSSP admins only (analysts get FORBIDDEN). */
export const adminTenantProcedure = staffTenantProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'mssp_admin') throw new TRPCError({ code: 'FORBIDDEN' });
  return next();
});
