import { z } from 'zod';
import { CredentialScope, ProviderId } from './provider-input';

export const SetCredentialInput = z.object({
  provider: ProviderId,
  scope: CredentialScope.default('tenant'),
  /** Omitted: keep the stored key (e.g. only the URL changes). Write-only: never read back. */
  apiKey: z.string().trim().min(1).max(500).optional(),
  /** http(s) only; a self-hosted MISP may sit on a private network, so private hosts are allowed. */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  enabled: z.boolean().optional(),
  sharedWithTenants: z.boolean().optional(),
});
export type SetCredentialInput = z.input<typeof SetCredentialInput>;
