import { TRPCError } from '@trpc/server';

/**
 * The tenants a staff KPI request covers: the one asked for (NOT_FOUND outside the scope, like the
 * queue) or the staff member's whole scope.
 */
export function staffKpiScope(
  actor: { tenantIds: readonly string[] },
  tenantId: string | undefined,
): string[] {
  if (tenantId === undefined) return [...actor.tenantIds];
  if (!actor.tenantIds.includes(tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  return [tenantId];
}
