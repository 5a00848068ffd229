import { z } from 'zod';

export const RemoveAttackRuleInput = z.object({ id: z.uuid() });
export type RemoveAttackRuleInput = z.infer<typeof RemoveAttackRuleInput>;
