import { TenantContactInput } from '@palisade/db/queries/contacts/save-contact';
import { z } from 'zod';

export const SaveContactInput = z.object({ contact: TenantContactInput });
export type SaveContactInput = z.input<typeof SaveContactInput>;
