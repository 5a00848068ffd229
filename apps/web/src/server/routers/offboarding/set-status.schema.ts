import { z } from 'zod';

export const SetTenantStatusInput = z.object({ status: z.enum(['active', 'suspended']) });
export type SetTenantStatusInput = z.infer<typeof SetTenantStatusInput>;
