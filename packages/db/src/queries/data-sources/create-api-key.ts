import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { dataSourceApiKeys, dataSources } from '../../schema/index';
import { generateApiKey } from '../ingest/api-key';

export const CreateApiKeyInput = z.object({
  tenantId: z.uuid(),
  dataSourceId: z.uuid(),
  actorUserId: z.uuid().nullable(),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

/** The plaintext `key` exists only in this return value: show it once. */
export type CreatedApiKey = { id: string; prefix: string; key: string };

export async function createApiKey(tx: Tx, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const { tenantId, dataSourceId, actorUserId } = CreateApiKeyInput.parse(input);
  const [source] = await tx
    .select({ id: dataSources.id })
    .from(dataSources)
    .where(and(eq(dataSources.tenantId, tenantId), eq(dataSources.id, dataSourceId)));
  if (!source) throw new NotFoundError('data source not found');
  return insertApiKey(tx, { tenantId, dataSourceId, actorUserId });
}

/** Inserts a key for a data source the caller already checked. */
export async function insertApiKey(tx: Tx, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const generated = generateApiKey();
  const id = crypto.randomUUID();
  await tx.insert(dataSourceApiKeys).values({
    tenantId: input.tenantId,
    id,
    dataSourceId: input.dataSourceId,
    prefix: generated.prefix,
    keyHash: generated.hash,
    createdByUserId: input.actorUserId,
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'data_source.api_key.create',
    target: `data_source:${input.dataSourceId}`,
    after: { keyId: id, prefix: generated.prefix },
  });
  return { id, prefix: generated.prefix, key: generated.key };
}
