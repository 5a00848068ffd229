import { listIncidents } from '@palisade/db/queries/incidents/list-incidents';
import { tenants, userPublicColumns, users } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { inArray } from 'drizzle-orm';
import { staffProcedure } from '@/server/trpc/procedures';
import { ListIncidentsInput } from './list.schema';

/**
 * The analyst queue: incidents of every tenant in the staff member's scope (one withTenant over
 * the whole scope, so RLS is the wall), or of the one tenant asked for. Keyset-paginated.
 */
export const list = staffProcedure.input(ListIncidentsInput).query(async ({ ctx, input }) => {
  const { tenantId, ...filters } = input;
  if (tenantId && !ctx.actor.tenantIds.includes(tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  const scope = tenantId ? [tenantId] : ctx.actor.tenantIds;
  if (scope.length === 0) return { items: [], nextCursor: null };
  return withTenant(scope, async (tx) => {
    const page = await listIncidents(tx, { ...filters, tenantIds: scope });
    const tenantIds = [...new Set(page.items.map((i) => i.tenantId))];
    const assigneeIds = [...new Set(page.items.flatMap((i) => (i.assigneeUserId ? [i.assigneeUserId] : [])))];
    const [tenantRows, userRows] = await Promise.all([
      tenantIds.length
        ? tx
            .select({ id: tenants.id, name: tenants.name })
            .from(tenants)
            .where(inArray(tenants.id, tenantIds))
        : [],
      assigneeIds.length
        ? tx
            .select({ id: userPublicColumns.id, name: userPublicColumns.name })
            .from(users)
            .where(inArray(users.id, assigneeIds))
        : [],
    ]);
    const tenantName = new Map(tenantRows.map((t) => [t.id, t.name]));
    const userName = new Map(userRows.map((u) => [u.id, u.name]));
    return {
      items: page.items.map((i) => ({
        ...i,
        tenantName: tenantName.get(i.tenantId) ?? '',
        assigneeName: i.assigneeUserId ? (userName.get(i.assigneeUserId) ?? null) : null,
      })),
      nextCursor: page.nextCursor,
    };
  });
});
