import { completeOnboarding } from '@palisade/db/queries/onboarding/onboarding-state';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** MSSP admins: marks the tenant live; refused (CONFLICT) with the missing steps until all are done. */
export const complete = adminTenantProcedure.mutation(({ ctx }) =>
  completeOnboarding(ctx.tx, { tenantId: ctx.tenantId, actorUserId: ctx.actor.userId }),
);
