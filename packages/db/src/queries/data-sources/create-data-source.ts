import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { dataSources } from '../../schema/index';
import { type CreatedApiKey, insertApiKey } from './create-api-key';
import { DataSourceMapper } from './data-source-mapper';
import { sealHmacSecret } from './hmac-secret';

export const CreateDataSourceInput = z.object({
  tenantId: z.uuid(),
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).nullable().optional(),
  mapper: DataSourceMapper.default({ kind: 'auto' }),
  /** Dot path of the sender's alert id (`event.id`): dedup on it instead of the payload hash. */
  dedupField: z
    .string()
    .regex(/^[A-Za-z0-9_@$-]+(\.[A-Za-z0-9_@$-]+)*$/)
    .max(200)
    .nullable()
    .optional(),
  /** Plaintext HMAC-SHA256 secret; sealed with the at-rest key, never returned. */
  hmacSecret: z.string().min(16).max(256).nullable().optional(),
  ratePerSecond: z.int().min(1).max(100_000).optional(),
  rateBurst: z.int().min(1000).max(1_000_000).optional(),
  actorUserId: z.uuid().nullable(),
});
export type CreateDataSourceInput = z.input<typeof CreateDataSourceInput>;

export type CreatedDataSource = {
  dataSource: {
    id: string;
    tenantId: string;
    name: string;
    mapper: DataSourceMapper;
    hasHmacSecret: boolean;
  };
  apiKey: CreatedApiKey;
};

/**
 * A data source and its first API key. `secretKey` (PALISADE_SECRET_KEY, 32 bytes) is needed only
 * when an HMAC secret is given.
 */
export async function createDataSource(
  tx: Tx,
  input: CreateDataSourceInput,
  options: { secretKey?: Buffer } = {},
): Promise<CreatedDataSource> {
  const parsed = CreateDataSourceInput.parse(input);
  const id = crypto.randomUUID();
  let hmacSecretCiphertext: string | null = null;
  if (parsed.hmacSecret) {
    if (!options.secretKey) throw new Error('an HMAC secret needs the at-rest key (PALISADE_SECRET_KEY)');
    hmacSecretCiphertext = sealHmacSecret(options.secretKey, parsed.tenantId, id, parsed.hmacSecret);
  }
  await tx.insert(dataSources).values({
    tenantId: parsed.tenantId,
    id,
    name: parsed.name,
    description: parsed.description ?? null,
    mapper: parsed.mapper,
    dedupField: parsed.dedupField ?? null,
    hmacSecretCiphertext,
    ...(parsed.ratePerSecond ? { ratePerSecond: parsed.ratePerSecond } : {}),
    ...(parsed.rateBurst ? { rateBurst: parsed.rateBurst } : {}),
    createdByUserId: parsed.actorUserId,
  });
  await recordAudit(tx, {
    tenantId: parsed.tenantId,
    actorUserId: parsed.actorUserId,
    action: 'data_source.create',
    target: `data_source:${id}`,
    after: { name: parsed.name, mapper: parsed.mapper.kind, hmac: hmacSecretCiphertext !== null },
  });
  const apiKey = await insertApiKey(tx, {
    tenantId: parsed.tenantId,
    dataSourceId: id,
    actorUserId: parsed.actorUserId,
  });
  return {
    dataSource: {
      id,
      tenantId: parsed.tenantId,
      name: parsed.name,
      mapper: parsed.mapper,
      hasHmacSecret: hmacSecretCiphertext !== null,
    },
    apiKey,
  };
}
