import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { dataSourceApiKeys } from '../../schema/index';

export const RevokeApiKeyInput = z.object({
  tenantId: z.uuid(),
  keyId: z.uuid(),
  actorUserId: z.uuid().nullable(),
});
export type RevokeApiKeyInput = z.infer<typeof RevokeApiKeyInput>;

/** Revokes at once (the next request with it gets 401). Revoking twice is a no-op. */
export async function revokeApiKey(
  tx: Tx,
  input: RevokeApiKeyInput,
): Promise<{ id: string; revokedAt: Date }> {
  const { tenantId, keyId, actorUserId } = RevokeApiKeyInput.parse(input);
  const [existing] = await tx
    .select({
      id: dataSourceApiKeys.id,
      revokedAt: dataSourceApiKeys.revokedAt,
      dataSourceId: dataSourceApiKeys.dataSourceId,
    })
    .from(dataSourceApiKeys)
    .where(and(eq(dataSourceApiKeys.tenantId, tenantId), eq(dataSourceApiKeys.id, keyId)));
  if (!existing) throw new NotFoundError('API key not found');
  if (existing.revokedAt) return { id: keyId, revokedAt: existing.revokedAt };
  const revokedAt = new Date();
  await tx
    .update(dataSourceApiKeys)
    .set({ revokedAt, revokedByUserId: actorUserId })
    .where(
      and(
        eq(dataSourceApiKeys.tenantId, tenantId),
        eq(dataSourceApiKeys.id, keyId),
        isNull(dataSourceApiKeys.revokedAt),
      ),
    );
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: 'data_source.api_key.revoke',
    target: `data_source:${existing.dataSourceId}`,
    before: { keyId },
  });
  return { id: keyId, revokedAt };
}
