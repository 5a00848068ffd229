import { getPlaybookVersion } from '@palisade/db/queries/playbooks/catalog';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { PlaybookDiffInput } from './diff.schema';
import { lineDiff } from './line-diff';
import { PlaybookNotFoundError } from './playbook-errors';

/** A line diff between two versions of one playbook. */
export const diff = staffTenantProcedure.input(PlaybookDiffInput).query(async ({ ctx, input }) => {
  const [from, to] = await Promise.all([
    getPlaybookVersion(ctx.tx, ctx.tenantId, input.playbookId, input.from),
    getPlaybookVersion(ctx.tx, ctx.tenantId, input.playbookId, input.to),
  ]);
  if (!from || !to) throw new PlaybookNotFoundError('version not found');
  return { from: from.version, to: to.version, lines: lineDiff(from.source, to.source) };
});
