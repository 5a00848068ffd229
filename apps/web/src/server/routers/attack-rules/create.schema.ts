import { lookupTechnique } from '@palisade/ioc/mitre-technique';
import { z } from 'zod';

export const CreateAttackRuleInput = z.object({
  field: z.enum(['rule_name', 'source']),
  /** Glob (* and ?) on the alert's rule name, or on "vendor product" for `source`. */
  pattern: z.string().trim().min(1).max(200),
  techniqueId: z
    .string()
    .trim()
    .transform((id) => id.toUpperCase())
    .refine((id) => lookupTechnique(id) !== undefined, 'not an ATT&CK Enterprise technique id'),
});
export type CreateAttackRuleInput = z.input<typeof CreateAttackRuleInput>;
