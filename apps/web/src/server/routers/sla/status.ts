import { slaStatus } from '@palisade/db/queries/sla/sla-status';
import { tenantProcedure } from '@/server/trpc/procedures';
import { SlaStatusInput } from './status.schema';

/** One tenant's SLA status (open clocks, breaches, compliance): the client's portal page and staff alike. */
export const status = tenantProcedure
  .input(SlaStatusInput)
  .query(({ ctx, input }) => slaStatus(ctx.tx, ctx.tenantId, input.days));
