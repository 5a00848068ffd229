import { MsspContactInput } from '@palisade/db/queries/contacts/save-contact';
import { z } from 'zod';

export const SaveMsspContactInput = z.object({ contact: MsspContactInput });
export type SaveMsspContactInput = z.input<typeof SaveMsspContactInput>;
