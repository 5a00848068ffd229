import { listListEntries } from '@palisade/db/queries/enrichment/list-entries';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ListEntriesInput } from './list.schema';

/** The tenant's entries and the MSSP-wide ones it inherits (marked `scope: 'mssp'`), expired included. */
export const list = staffTenantProcedure
  .input(ListEntriesInput)
  .query(({ ctx, input }) => listListEntries(ctx.tx, { tenantId: ctx.tenantId, list: input.list }));
