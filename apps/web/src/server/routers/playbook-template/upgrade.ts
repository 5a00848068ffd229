import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { templateUpgrade } from './template-upgrade';
import { TemplateUpgradeInput } from './upgrade.schema';

/** "Update available": the template diff, the tenant's local changes and the proposed merge; null if none. */
export const upgrade = staffTenantProcedure
  .input(TemplateUpgradeInput)
  .query(({ ctx, input }) => templateUpgrade(ctx.tx, ctx.tenantId, input.playbookId));
