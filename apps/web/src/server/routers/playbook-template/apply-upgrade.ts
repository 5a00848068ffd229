import { recordAudit } from '@palisade/db/audit';
import { setPlaybookTemplateVersion } from '@palisade/db/queries/playbooks/playbook-templates';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { PlaybookInvalidError } from '../playbook/playbook-errors';
import { templateUpgrade } from './template-upgrade';
import { ApplyTemplateUpgradeInput } from './upgrade.schema';

/**
 * An MSSP admin accepts a template upgrade: the reviewed merge (conflicts resolved by hand) becomes
 * the playbook's next version and the copy now derives from the new template version. A source that
 * still has conflict markers or does not validate stores nothing and comes back with its errors.
 */
export const applyUpgrade = adminTenantProcedure
  .input(ApplyTemplateUpgradeInput)
  .mutation(async ({ ctx, input }) => {
    const offer = await templateUpgrade(ctx.tx, ctx.tenantId, input.playbookId);
    if (!offer) throw new PlaybookInvalidError('no template upgrade is available for this playbook');
    if (offer.toTemplateVersion !== input.toTemplateVersion) {
      throw new PlaybookInvalidError(
        `template version ${offer.toTemplateVersion} was published meanwhile: review it before applying`,
      );
    }
    if (/^(<<<<<<<|\|\|\|\|\|\|\||=======|>>>>>>>)( |$)/m.test(input.source)) {
      throw new PlaybookInvalidError(
        'resolve every conflict (remove the <<<<<<< ======= >>>>>>> markers) first',
      );
    }
    const saved = await savePlaybook(ctx.tx, {
      tenantId: ctx.tenantId,
      source: input.source,
      createdBy: ctx.actor.userId,
      playbookId: input.playbookId,
      note: `template ${offer.templateId} upgraded v${offer.fromTemplateVersion} → v${offer.toTemplateVersion}`,
    });
    if (!saved.ok) return { ok: false as const, errors: saved.errors };
    await setPlaybookTemplateVersion(ctx.tx, {
      tenantId: ctx.tenantId,
      playbookId: input.playbookId,
      version: offer.toTemplateVersion,
    });
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'playbook.template_upgrade',
      target: `playbook:${input.playbookId}`,
      before: { version: offer.currentVersion, templateVersion: offer.fromTemplateVersion },
      after: { version: saved.version, templateVersion: offer.toTemplateVersion },
    });
    return { ok: true as const, version: saved.version };
  });
