import { z } from 'zod';
import { CredentialScope, ProviderId } from './provider-input';

export const ClearCredentialInput = z.object({
  provider: ProviderId,
  scope: CredentialScope.default('tenant'),
});
export type ClearCredentialInput = z.input<typeof ClearCredentialInput>;
