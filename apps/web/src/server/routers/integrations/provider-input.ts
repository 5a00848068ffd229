import { INTERNET_PROVIDER_IDS } from '@palisade/worker/osint/providers';
import { z } from 'zod';

export const ProviderId = z.string().refine((id) => INTERNET_PROVIDER_IDS.includes(id), 'unknown provider');
export const CredentialScope = z.enum(['tenant', 'mssp']);
