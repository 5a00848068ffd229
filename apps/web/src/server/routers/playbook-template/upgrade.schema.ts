import { z } from 'zod';
import { MAX_SOURCE_CHARS } from '../playbook/validate.schema';

export const TemplateUpgradeInput = z.object({ playbookId: z.uuid() });
export type TemplateUpgradeInput = z.infer<typeof TemplateUpgradeInput>;

export const ApplyTemplateUpgradeInput = z.object({
  playbookId: z.uuid(),
  /** The template version the admin reviewed: a newer one published meanwhile must be reviewed first. */
  toTemplateVersion: z.int().min(1),
  /** The merge as accepted (edited where it conflicted). */
  source: z.string().min(1).max(MAX_SOURCE_CHARS),
});
export type ApplyTemplateUpgradeInput = z.infer<typeof ApplyTemplateUpgradeInput>;
