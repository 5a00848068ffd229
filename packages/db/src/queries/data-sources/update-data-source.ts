import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { CLOSE_ALERT_TARGETS, dataSources } from '../../schema/index';
import { DataSourceMapper } from './data-source-mapper';
import { sealHmacSecret } from './hmac-secret';

export const UpdateDataSourceInput = z.object({
  tenantId: z.uuid(),
  dataSourceId: z.uuid(),
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  mapper: DataSourceMapper.optional(),
  dedupField: z
    .string()
    .regex(/^[A-Za-z0-9_@$-]+(\.[A-Za-z0-9_@$-]+)*$/)
    .max(200)
    .nullable()
    .optional(),
  /** A new secret, or null to stop checking signatures; omitted = unchanged. */
  hmacSecret: z.string().min(16).max(256).nullable().optional(),
  ratePerSecond: z.int().min(1).max(100_000).optional(),
  rateBurst: z.int().min(1000).max(1_000_000).optional(),
  disabled: z.boolean().optional(),
  /** Where resolving an incident closes this source's alerts; null turns it off; omitted = unchanged. */
  closeAlert: z
    .object({
      target: z.enum(CLOSE_ALERT_TARGETS),
      url: z.url({ protocol: /^https?$/ }).max(2000),
      /** Provider name of a tenant integration credential (the secret never passes through here). */
      credential: z.string().trim().min(1).max(100).nullable(),
    })
    .nullable()
    .optional(),
  actorUserId: z.uuid().nullable(),
});
export type UpdateDataSourceInput = z.input<typeof UpdateDataSourceInput>;

export async function updateDataSource(
  tx: Tx,
  input: UpdateDataSourceInput,
  options: { secretKey?: Buffer } = {},
): Promise<{ id: string }> {
  const p = UpdateDataSourceInput.parse(input);
  const where = and(eq(dataSources.tenantId, p.tenantId), eq(dataSources.id, p.dataSourceId));
  const [before] = await tx
    .select({ name: dataSources.name, mapper: dataSources.mapper, disabledAt: dataSources.disabledAt })
    .from(dataSources)
    .where(where)
    .for('update');
  if (!before) throw new NotFoundError('data source not found');
  let hmacSecretCiphertext: string | null | undefined;
  if (p.hmacSecret === null) hmacSecretCiphertext = null;
  else if (p.hmacSecret !== undefined) {
    if (!options.secretKey) throw new Error('an HMAC secret needs the at-rest key (PALISADE_SECRET_KEY)');
    hmacSecretCiphertext = sealHmacSecret(options.secretKey, p.tenantId, p.dataSourceId, p.hmacSecret);
  }
  const changes = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.mapper !== undefined ? { mapper: p.mapper } : {}),
    ...(p.dedupField !== undefined ? { dedupField: p.dedupField } : {}),
    ...(hmacSecretCiphertext !== undefined ? { hmacSecretCiphertext } : {}),
    ...(p.ratePerSecond !== undefined ? { ratePerSecond: p.ratePerSecond } : {}),
    ...(p.rateBurst !== undefined ? { rateBurst: p.rateBurst } : {}),
    ...(p.disabled !== undefined
      ? { disabledAt: p.disabled ? (before.disabledAt ?? new Date()) : null }
      : {}),
    ...(p.closeAlert !== undefined
      ? {
          closeAlertTarget: p.closeAlert?.target ?? null,
          closeAlertUrl: p.closeAlert?.url ?? null,
          closeAlertCredential: p.closeAlert?.credential ?? null,
        }
      : {}),
  };
  if (Object.keys(changes).length > 0) await tx.update(dataSources).set(changes).where(where);
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: 'data_source.update',
    target: `data_source:${p.dataSourceId}`,
    before: { name: before.name, mapper: before.mapper, disabled: before.disabledAt !== null },
    // The secret itself never reaches the audit log.
    after: {
      ...changes,
      ...(hmacSecretCiphertext !== undefined
        ? { hmacSecretCiphertext: hmacSecretCiphertext ? 'set' : null }
        : {}),
    },
  });
  return { id: p.dataSourceId };
}
