import { recordAudit } from '@palisade/db/audit';
import { upsertListEntry } from '@palisade/db/queries/enrichment/list-entries';
import { parseListCsv } from '@palisade/worker/lists/list-csv';
import { TRPCError } from '@trpc/server';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ImportListCsvInput } from './import-preview.schema';
import { assertMayEdit } from './list-scope';

/**
 * Imports the valid rows of the file (parsed again: the preview the browser saw is not trusted) in
 * one transaction; bad rows are skipped and returned. A file-level problem imports nothing.
 */
export const importCommit = staffTenantProcedure
  .input(ImportListCsvInput)
  .mutation(async ({ ctx, input }) => {
    assertMayEdit(input.scope, ctx.actor);
    const preview = parseListCsv(input.csv, { defaultList: input.defaultList });
    if (preview.fileErrors.length > 0) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: preview.fileErrors.join('; ') });
    }
    const source = `csv:${(input.fileName ?? 'upload').slice(0, 100)}`;
    for (const row of preview.rows) {
      await upsertListEntry(ctx.tx, {
        scope: input.scope,
        tenantId: ctx.tenantId,
        entry: { ...row.entry, source },
        actorUserId: ctx.actor.userId,
      });
    }
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: input.scope === 'mssp' ? 'mssp_list.imported' : 'list.imported',
      target: source,
      after: { imported: preview.rows.length, rejected: preview.errors.length },
    });
    return { imported: preview.rows.length, errors: preview.errors };
  });
