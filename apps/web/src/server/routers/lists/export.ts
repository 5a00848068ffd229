import { listListEntries } from '@palisade/db/queries/enrichment/list-entries';
import { listEntriesToCsv } from '@palisade/worker/lists/list-csv';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ExportListInput } from './export.schema';

/** The tenant's (or the MSSP-wide) entries as CSV in the import's columns. */
export const exportCsv = staffTenantProcedure.input(ExportListInput).query(async ({ ctx, input }) => {
  const entries = await listListEntries(ctx.tx, {
    tenantId: ctx.tenantId,
    list: input.list,
    scopes: [input.scope],
  });
  const csv = listEntriesToCsv(
    entries.map((e) => ({
      list: e.list,
      matchKind: e.matchKind,
      value: e.value,
      artifactType: e.artifactType ?? null,
      criticality: e.criticality ?? null,
      reason: e.reason ?? '',
      owner: e.owner ?? '',
      expiresAt: e.expiresAt ?? null,
    })),
  );
  return { fileName: `${input.scope}-${input.list ?? 'all'}-lists.csv`, csv };
});
