import { z } from 'zod';

export const ListDataSourcesInput = z.object({
  /** One tenant of the actor's scope (another is NOT_FOUND); absent: every tenant in scope. */
  tenantId: z.uuid().optional(),
});
export type ListDataSourcesInput = z.infer<typeof ListDataSourcesInput>;
