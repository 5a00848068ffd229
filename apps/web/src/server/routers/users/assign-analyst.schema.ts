import { z } from 'zod';

export const AssignAnalystInput = z.object({ tenantId: z.uuid(), email: z.email().trim().toLowerCase() });
export type AssignAnalystInput = z.infer<typeof AssignAnalystInput>;

export const UnassignAnalystInput = z.object({ userId: z.uuid() });
export type UnassignAnalystInput = z.infer<typeof UnassignAnalystInput>;
