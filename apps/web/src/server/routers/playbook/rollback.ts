import { recordAudit } from '@palisade/db/audit';
import { getPlaybookVersion } from '@palisade/db/queries/playbooks/catalog';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { PlaybookInvalidError, PlaybookNotFoundError } from './playbook-errors';
import { RollbackPlaybookInput } from './rollback.schema';

/** Rolls back by saving the old source as a new version: history only grows. */
export const rollback = staffTenantProcedure.input(RollbackPlaybookInput).mutation(async ({ ctx, input }) => {
  const old = await getPlaybookVersion(ctx.tx, ctx.tenantId, input.playbookId, input.version);
  if (!old) throw new PlaybookNotFoundError('version not found');
  const result = await savePlaybook(ctx.tx, {
    tenantId: ctx.tenantId,
    source: old.source,
    createdBy: ctx.actor.userId,
    playbookId: input.playbookId,
    note: `rollback to version ${input.version}`,
  });
  // An old version can stop validating (a playbook it calls changed): say so rather than store it.
  if (!result.ok) {
    throw new PlaybookInvalidError(
      `version ${input.version} no longer validates: ${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`,
    );
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'playbook.rollback',
    target: `playbook:${result.playbookId}`,
    after: { version: result.version, from: input.version },
  });
  return { playbookId: result.playbookId, version: result.version };
});
