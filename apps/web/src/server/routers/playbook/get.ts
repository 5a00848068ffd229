import { getPlaybook, getPlaybookVersion } from '@palisade/db/queries/playbooks/catalog';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { GetPlaybookInput } from './get.schema';
import { PlaybookNotFoundError } from './playbook-errors';

/** A playbook and the source of one version (the current one by default). */
export const get = staffTenantProcedure.input(GetPlaybookInput).query(async ({ ctx, input }) => {
  const playbook = await getPlaybook(ctx.tx, ctx.tenantId, input.playbookId);
  if (!playbook) throw new PlaybookNotFoundError('playbook not found');
  const version = await getPlaybookVersion(
    ctx.tx,
    ctx.tenantId,
    playbook.id,
    input.version ?? playbook.currentVersion,
  );
  if (!version) throw new PlaybookNotFoundError('version not found');
  return {
    playbook,
    version: {
      version: version.version,
      source: version.source,
      definition: version.definition,
      createdAt: version.createdAt,
      createdBy: version.createdBy,
      note: version.note,
    },
  };
});
