import type { OnboardingStepId } from '@palisade/db/queries/onboarding/onboarding-steps';

/** What every wizard step gets: its tenant, and how to record itself as saved (or skipped) and move on. */
export type StepProps = {
  tenantId: string;
  step: OnboardingStepId;
  /** Saves the step in the onboarding state, refreshes the checklist and opens the next step. */
  onDone: (options?: { skipped?: boolean }) => void;
  saving: boolean;
};
