import { recordAudit } from '@palisade/db/audit';
import { getPlaybookBySlug } from '@palisade/db/queries/playbooks/catalog';
import { parsePlaybook } from '@palisade/playbook/parse-playbook';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SavePlaybookInput } from './save.schema';

/**
 * Saves a new immutable version. An invalid source is not stored: its errors come back (with line and
 * column) as a result, not a thrown error, so the editor can mark them.
 */
export const save = staffTenantProcedure.input(SavePlaybookInput).mutation(async ({ ctx, input }) => {
  if (!input.playbookId) {
    const parsed = parsePlaybook(input.source).value as { id?: unknown } | undefined;
    if (typeof parsed?.id === 'string' && (await getPlaybookBySlug(ctx.tx, ctx.tenantId, parsed.id))) {
      return {
        ok: false as const,
        errors: [
          {
            code: 'schema' as const,
            message: `a playbook with id '${parsed.id}' exists: open it to save a new version`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            path: ['id'],
          },
        ],
      };
    }
  }
  const result = await savePlaybook(ctx.tx, {
    tenantId: ctx.tenantId,
    source: input.source,
    createdBy: ctx.actor.userId,
    ...(input.playbookId ? { playbookId: input.playbookId } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
  if (!result.ok) return { ok: false as const, errors: result.errors };
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'playbook.save',
    target: `playbook:${result.playbookId}`,
    after: { version: result.version, slug: result.slug },
  });
  return { ok: true as const, playbookId: result.playbookId, version: result.version };
});
