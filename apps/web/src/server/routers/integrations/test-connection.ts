import { getDatabase } from '@palisade/db/client';
import { resolveCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { withTenantOn } from '@palisade/db/with-tenant';
import { providerById } from '@palisade/worker/osint/providers';
import { type ConnectionCheck, testConnection as probe } from '@palisade/worker/osint/test-connection';
import { TRPCError } from '@trpc/server';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { staffProcedure } from '@/server/trpc/procedures';
import { connectorCredentialKind } from './connector-credential-kinds';
import { probeConnectorCredential } from './probe-connector-credential';
import { TestConnectionInput } from './test-connection.schema';

/**
 * One harmless call with the credential the tenant would use: an OSINT lookup, or a daemon
 * credential's vendor client against its base URL. Not a tenantProcedure on purpose: the network
 * call must happen outside the tenant's transaction; the scope check is the same.
 */
export const testConnection = staffProcedure
  .input(TestConnectionInput)
  .mutation(async ({ ctx, input }): Promise<ConnectionCheck> => {
    if (!ctx.actor.tenantIds.includes(input.tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
    const { db } = await getDatabase();
    const provider = providerById(input.provider);
    if (provider) return probe({ db, secretKey: atRestKey() }, { tenantId: input.tenantId, provider });
    const kind = connectorCredentialKind(input.provider);
    if (!kind) throw new TRPCError({ code: 'NOT_FOUND' });
    const params = kind.testParams.safeParse(input.params ?? {});
    if (!params.success) {
      const issue = params.error.issues[0];
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}`,
      });
    }
    const resolved = await withTenantOn(db, input.tenantId, (tx) =>
      resolveCredential(tx, atRestKey(), { tenantId: input.tenantId, provider: input.provider }),
    );
    if (!('secret' in resolved)) {
      return {
        ok: false,
        source: resolved.source,
        message: resolved.source === 'none' ? 'not configured' : 'disabled for this tenant',
      };
    }
    if (!resolved.secret) return { ok: false, source: resolved.source, message: 'no secret stored' };
    const result = await probeConnectorCredential(kind.id, {
      baseUrl: resolved.baseUrl,
      secret: resolved.secret,
      params: params.data,
    });
    return { ...result, source: resolved.source };
  });
