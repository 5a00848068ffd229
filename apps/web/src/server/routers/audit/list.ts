import { auditLog } from '@palisade/db/schema';
import { desc } from 'drizzle-orm';
import { tenantProcedure } from '@/server/trpc/procedures';
import { ListAuditInput } from './list.schema';

/** Newest first; RLS already limits the rows to the tenant in scope. */
export const list = tenantProcedure
  .input(ListAuditInput)
  .query(async ({ ctx, input }) =>
    ctx.tx.select().from(auditLog).orderBy(desc(auditLog.at)).limit(input.limit),
  );
