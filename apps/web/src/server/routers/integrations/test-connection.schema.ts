import { z } from 'zod';
import { ProviderId } from './provider-input';

export const TestConnectionInput = z.object({
  tenantId: z.uuid(),
  provider: ProviderId,
  /**
   * Daemon credentials: the non-secret values the daemon takes from its YAML (e.g. Sentinel's
   * tenant and client id), needed only for the test, never stored; validated per kind.
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type TestConnectionInput = z.input<typeof TestConnectionInput>;
