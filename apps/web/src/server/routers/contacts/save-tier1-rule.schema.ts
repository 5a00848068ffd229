import { Tier1RuleInput } from '@palisade/db/queries/contacts/tier1-rule';
import { IocType } from '@palisade/ioc/ioc';
import { z } from 'zod';

/** Artifact types are the extractor's IOC types (the db package cannot know them). */
export const SaveTier1RuleInput = z.object({
  rule: Tier1RuleInput.extend({ artifactTypes: z.array(IocType).max(IocType.options.length) }),
});
export type SaveTier1RuleInput = z.infer<typeof SaveTier1RuleInput>;
