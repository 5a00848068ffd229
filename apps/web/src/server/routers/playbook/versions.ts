import { getPlaybook, listPlaybookVersions } from '@palisade/db/queries/playbooks/catalog';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { PlaybookNotFoundError } from './playbook-errors';
import { PlaybookVersionsInput } from './versions.schema';

/** Every saved version, newest first. */
export const versions = staffTenantProcedure.input(PlaybookVersionsInput).query(async ({ ctx, input }) => {
  const playbook = await getPlaybook(ctx.tx, ctx.tenantId, input.playbookId);
  if (!playbook) throw new PlaybookNotFoundError('playbook not found');
  return listPlaybookVersions(ctx.tx, ctx.tenantId, playbook.id);
});
