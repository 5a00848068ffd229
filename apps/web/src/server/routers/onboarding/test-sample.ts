import { normalizeAlert } from '@palisade/ioc/normalize-alert';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { TestSampleAlertInput } from './test-sample.schema';

/**
 * MSSP admins: what a pasted sample alert becomes with the chosen mapper (the same normalization the
 * worker runs on ingested alerts). Stores nothing.
 */
export const testSample = adminTenantProcedure.input(TestSampleAlertInput).mutation(async ({ input }) => {
  const result = await normalizeAlert(input.sample, { mapper: input.mapper });
  if (!result.ok) return { ok: false as const, error: result.error.message, warnings: result.warnings };
  return {
    ok: true as const,
    mapper: result.mapper,
    alert: result.alert,
    iocs: result.iocs,
    warnings: result.warnings,
  };
});
