import { NotFoundError } from '@palisade/db/errors';
import { getDaemonOutput } from '@palisade/db/queries/daemons/daemon-outputs';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { DaemonOutputInput } from './daemons.schema';

/** A saved file (lifecycle report CSV/PDF) as base64 for the browser to download. */
export const output = staffTenantProcedure.input(DaemonOutputInput).query(async ({ ctx, input }) => {
  const file = await getDaemonOutput(ctx.tx, { tenantId: ctx.tenantId, outputId: input.outputId });
  if (!file) throw new NotFoundError(`file ${input.outputId} not found`);
  return { fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
});
