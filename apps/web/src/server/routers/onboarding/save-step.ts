import { saveOnboardingStep } from '@palisade/db/queries/onboarding/onboarding-state';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveOnboardingStepInput } from './save-step.schema';

/** MSSP admins: records a wizard step as saved (or skipped), so the wizard resumes after it. */
export const saveStep = adminTenantProcedure.input(SaveOnboardingStepInput).mutation(({ ctx, input }) =>
  saveOnboardingStep(ctx.tx, {
    tenantId: ctx.tenantId,
    step: input.step,
    skipped: input.skipped,
    actorUserId: ctx.actor.userId,
  }),
);
