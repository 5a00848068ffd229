import { z } from 'zod';

export const DeleteTenantInput = z.object({ confirmSlug: z.string().trim().min(1) });
export type DeleteTenantInput = z.infer<typeof DeleteTenantInput>;
