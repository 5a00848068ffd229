import { recordAudit } from '@palisade/db/audit';
import { updateDataSource } from '@palisade/db/queries/data-sources/update-data-source';
import { setTenantCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SetCloseAlertInput } from './set-close-alert.schema';

/**
 * MSSP admins only: where resolving an incident closes this data source's alerts (Splunk ES,
 * Elastic Security or a webhook) and which stored credential the call uses; an optional secret is
 * sealed into that credential (never returned). Audited (`data_source.update`, and
 * `integration.credential_set` for a secret); NOT_FOUND for a data source outside the tenant.
 */
export const setCloseAlert = adminTenantProcedure
  .input(SetCloseAlertInput)
  .mutation(async ({ ctx, input }) => {
    const updated = await updateDataSource(ctx.tx, {
      tenantId: ctx.tenantId,
      dataSourceId: input.dataSourceId,
      closeAlert: input.closeAlert,
      actorUserId: ctx.actor.userId,
    });
    const provider = input.closeAlert?.credential;
    if (input.secret !== undefined && provider) {
      await setTenantCredential(ctx.tx, atRestKey(), {
        tenantId: ctx.tenantId,
        provider,
        secret: input.secret,
        actorUserId: ctx.actor.userId,
      });
      await recordAudit(ctx.tx, {
        tenantId: ctx.tenantId,
        actorUserId: ctx.actor.userId,
        action: 'integration.credential_set',
        target: `integration:${provider}`,
        // Whether a secret changed, never the secret.
        after: { keyChanged: true, for: `data_source:${input.dataSourceId}` },
      });
    }
    return updated;
  });
