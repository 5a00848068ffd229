import { TRPCError } from '@trpc/server';
import { tenantProcedure } from '@/server/trpc/procedures';

/** Roles a user manager may create, change or deactivate in the tenant. */
export const manageableRoles = (actorRole: string): readonly string[] =>
  actorRole === 'mssp_admin'
    ? ['analyst', 'client_admin', 'client_viewer']
    : ['client_admin', 'client_viewer'];

/**
 * One tenant's users, managed by an MSSP admin or by the tenant's own client admin (a client admin's
 * scope is its one tenant, so it cannot reach another's). Analysts and client viewers: FORBIDDEN.
 */
export const userManagerProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'mssp_admin' && ctx.actor.role !== 'client_admin') {
    throw new TRPCError({ code: 'FORBIDDEN' });
  }
  return next();
});

/** Reading the user list: staff of the tenant and its client admins (not client viewers). */
export const userReaderProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== 'staff' && ctx.actor.role !== 'client_admin') {
    throw new TRPCError({ code: 'FORBIDDEN' });
  }
  return next();
});
