import { searchAudit } from '@palisade/db/queries/audit/search-audit';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { protectedProcedure } from '@/server/trpc/procedures';
import { SearchAuditInput } from './search.schema';

/**
 * The audit log across the caller's scope: every tenant for an MSSP admin, the assigned ones for an
 * analyst, its own tenant for a client user (the portal). A tenant outside the scope is NOT_FOUND.
 */
export const search = protectedProcedure.input(SearchAuditInput).query(async ({ ctx, input }) => {
  const { tenantId, ...filters } = input;
  if (tenantId && !ctx.actor.tenantIds.includes(tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  const tenantIds = tenantId ? [tenantId] : ctx.actor.tenantIds;
  if (tenantIds.length === 0) {
    return { items: [], page: 1, pageSize: filters.pageSize, total: 0, pages: 1 };
  }
  return withTenant(tenantIds, (tx) => searchAudit(tx, { tenantIds, ...filters }));
});
