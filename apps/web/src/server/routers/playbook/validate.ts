import { builtinRegistry } from '@palisade/playbook/builtin-actions';
import { validatePlaybook } from '@palisade/playbook/validate';
import { tenantPlaybookMap } from '@palisade/worker/playbooks/save-playbook';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ValidatePlaybookInput } from './validate.schema';

/** Live validation for the editor: every error with line and column; stores nothing. */
export const validate = staffTenantProcedure.input(ValidatePlaybookInput).query(async ({ ctx, input }) => {
  const playbooks = await tenantPlaybookMap(ctx.tx, ctx.tenantId);
  const result = validatePlaybook(input.source, { registry: builtinRegistry, playbooks });
  return { ok: result.ok, errors: result.errors };
});
