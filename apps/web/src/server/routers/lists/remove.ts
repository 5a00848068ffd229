import { recordAudit } from '@palisade/db/audit';
import { deleteListEntries } from '@palisade/db/queries/enrichment/list-entries';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { assertMayEdit } from './list-scope';
import { RemoveListEntriesInput } from './remove.schema';

/** Deletes entries by id; ids of other tenants simply match nothing (RLS). */
export const remove = staffTenantProcedure.input(RemoveListEntriesInput).mutation(async ({ ctx, input }) => {
  assertMayEdit(input.scope, ctx.actor);
  const deleted = await deleteListEntries(ctx.tx, {
    scope: input.scope,
    tenantId: ctx.tenantId,
    ids: input.ids,
  });
  if (deleted.length > 0) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: input.scope === 'mssp' ? 'mssp_list.entries_deleted' : 'list.entries_deleted',
      target: `list_entries:${deleted.length}`,
      before: { ids: deleted },
    });
  }
  return { deleted };
});
