import { recordAudit } from '@palisade/db/audit';
import { upsertListEntry } from '@palisade/db/queries/enrichment/list-entries';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { assertMayEdit } from './list-scope';
import { UpsertListEntryInput } from './upsert.schema';

/** Adds an entry, or updates the one with the same list, match kind and value. */
export const upsert = staffTenantProcedure.input(UpsertListEntryInput).mutation(async ({ ctx, input }) => {
  assertMayEdit(input.scope, ctx.actor);
  const id = await upsertListEntry(ctx.tx, {
    scope: input.scope,
    tenantId: ctx.tenantId,
    entry: { ...input.entry, source: 'console' },
    actorUserId: ctx.actor.userId,
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: input.scope === 'mssp' ? 'mssp_list.entry_saved' : 'list.entry_saved',
    target: `list_entry:${id}`,
    after: { list: input.entry.list, matchKind: input.entry.matchKind, value: input.entry.value },
  });
  return { id };
});
