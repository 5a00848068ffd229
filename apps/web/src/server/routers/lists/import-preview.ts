import { parseListCsv } from '@palisade/worker/lists/list-csv';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ImportListCsvInput } from './import-preview.schema';
import { assertMayEdit } from './list-scope';

/** What an import would do: the valid rows and each bad row's line and reason. Writes nothing. */
export const importPreview = staffTenantProcedure.input(ImportListCsvInput).mutation(({ ctx, input }) => {
  assertMayEdit(input.scope, ctx.actor);
  return parseListCsv(input.csv, { defaultList: input.defaultList });
});
