import { SlaPolicyInput } from '@palisade/db/queries/sla/sla-policy-input';
import { z } from 'zod';

export const SaveSlaPolicyInput = z.object({ policy: SlaPolicyInput });
export type SaveSlaPolicyInput = z.input<typeof SaveSlaPolicyInput>;
