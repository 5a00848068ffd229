import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';
import { DataSourceMapper } from '../data-sources/data-source-mapper';

export const IngestAuthOutput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    tenantId: z.uuid(),
    dataSourceId: z.uuid(),
    apiKeyId: z.uuid(),
    mapper: DataSourceMapper,
    dedupField: z.string().nullable(),
    hmacSecretCiphertext: z.string().nullable(),
  }),
  z.object({ status: z.literal('unknown_key') }),
  z.object({ status: z.literal('revoked') }),
  z.object({ status: z.literal('tenant_suspended') }),
  z.object({ status: z.literal('source_disabled') }),
  z.object({ status: z.literal('over_burst') }),
  z.object({ status: z.literal('rate_limited'), retryAfterSeconds: z.int().positive() }),
]);
export type IngestAuthOutput = z.infer<typeof IngestAuthOutput>;

/**
 * Key hash → data source → tenant, and `cost` tokens from the key's bucket, in one round trip
 * through the SECURITY DEFINER `ingest_authenticate` (no scope exists yet). Call it on the login
 * connection (palisade_auth), never inside `withTenant`.
 */
export async function authenticateIngestKey(
  db: Db,
  input: { keyHash: string; cost: number },
): Promise<IngestAuthOutput> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select * from public.ingest_authenticate(${input.keyHash}, ${input.cost}::integer)`),
  );
  if (!row) return { status: 'unknown_key' };
  return IngestAuthOutput.parse({
    status: row.status,
    tenantId: row.tenant_id ?? undefined,
    dataSourceId: row.data_source_id ?? undefined,
    apiKeyId: row.api_key_id ?? undefined,
    mapper: row.mapper ?? undefined,
    dedupField: row.dedup_field ?? null,
    hmacSecretCiphertext: row.hmac_secret_ciphertext ?? null,
    retryAfterSeconds: row.retry_after_seconds ?? undefined,
  });
}
