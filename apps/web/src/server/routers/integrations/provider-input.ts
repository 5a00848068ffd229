import { INTERNET_PROVIDER_IDS } from '@palisade/worker/osint/providers';
import { z } from 'zod';
import { connectorCredentialKind } from './connector-credential-kinds';

/** OSINT providers keep their ids; `misp` is both (the same API key and URL serve both uses). */
export const isOsintProvider = (id: string) => INTERNET_PROVIDER_IDS.includes(id);

/** An OSINT provider, or a daemon credential (`splunk`, or a named one such as `splunk-prod`). */
export const ProviderId = z
  .string()
  .refine((id) => isOsintProvider(id) || connectorCredentialKind(id) !== undefined, 'unknown provider');
export const CredentialScope = z.enum(['tenant', 'mssp']);
