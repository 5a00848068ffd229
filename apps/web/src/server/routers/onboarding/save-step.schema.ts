import { ONBOARDING_STEP_IDS } from '@palisade/db/queries/onboarding/onboarding-steps';
import { z } from 'zod';

export const SaveOnboardingStepInput = z.object({
  step: z.enum(ONBOARDING_STEP_IDS),
  /** The admin moved on without configuring the step (only optional steps count as done then). */
  skipped: z.boolean().default(false),
});
export type SaveOnboardingStepInput = z.input<typeof SaveOnboardingStepInput>;
