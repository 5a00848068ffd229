import { onboardingChecklist } from '@palisade/db/queries/onboarding/onboarding-state';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** MSSP admins: the onboarding checklist (what is done, what is missing before going live). */
export const checklist = adminTenantProcedure.query(({ ctx }) => onboardingChecklist(ctx.tx, ctx.tenantId));
