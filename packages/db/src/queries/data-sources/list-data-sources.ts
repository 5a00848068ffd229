import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { type CloseAlertTarget, dataSourceApiKeys, dataSources } from '../../schema/index';
import type { DataSourceMapper } from './data-source-mapper';

export const ListDataSourcesInput = z.object({
  /** Narrow to one tenant of the scope; all tenants of the scope otherwise. */
  tenantId: z.uuid().optional(),
});
export type ListDataSourcesInput = z.infer<typeof ListDataSourcesInput>;

export type DataSourceListItem = {
  id: string;
  tenantId: string;
  name: string;
  description: string | null;
  mapper: DataSourceMapper;
  dedupField: string | null;
  hasHmacSecret: boolean;
  ratePerSecond: number;
  rateBurst: number;
  disabledAt: Date | null;
  createdAt: Date;
  /** Where resolving an incident closes this source's alerts; null = not closed anywhere. */
  closeAlert: { target: CloseAlertTarget; url: string; credential: string | null } | null;
  keys: { id: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }[];
};

/** Data sources with their keys (prefix only, never the hash), newest key first. */
export async function listDataSources(
  tx: Tx,
  input: ListDataSourcesInput = {},
): Promise<DataSourceListItem[]> {
  const { tenantId } = ListDataSourcesInput.parse(input);
  const sources = await tx
    .select({
      id: dataSources.id,
      tenantId: dataSources.tenantId,
      name: dataSources.name,
      description: dataSources.description,
      mapper: dataSources.mapper,
      dedupField: dataSources.dedupField,
      hmacSecretCiphertext: dataSources.hmacSecretCiphertext,
      ratePerSecond: dataSources.ratePerSecond,
      rateBurst: dataSources.rateBurst,
      disabledAt: dataSources.disabledAt,
      createdAt: dataSources.createdAt,
      closeAlertTarget: dataSources.closeAlertTarget,
      closeAlertUrl: dataSources.closeAlertUrl,
      closeAlertCredential: dataSources.closeAlertCredential,
    })
    .from(dataSources)
    .where(tenantId ? eq(dataSources.tenantId, tenantId) : undefined)
    .orderBy(asc(dataSources.name), asc(dataSources.id));
  if (sources.length === 0) return [];
  const keys = await tx
    .select({
      id: dataSourceApiKeys.id,
      tenantId: dataSourceApiKeys.tenantId,
      dataSourceId: dataSourceApiKeys.dataSourceId,
      prefix: dataSourceApiKeys.prefix,
      createdAt: dataSourceApiKeys.createdAt,
      lastUsedAt: dataSourceApiKeys.lastUsedAt,
      revokedAt: dataSourceApiKeys.revokedAt,
    })
    .from(dataSourceApiKeys)
    .where(
      and(
        inArray(
          dataSourceApiKeys.dataSourceId,
          sources.map((s) => s.id),
        ),
        tenantId ? eq(dataSourceApiKeys.tenantId, tenantId) : undefined,
      ),
    );
  return sources.map(
    ({ hmacSecretCiphertext, closeAlertTarget, closeAlertUrl, closeAlertCredential, ...s }) => ({
      ...s,
      closeAlert:
        closeAlertTarget && closeAlertUrl
          ? { target: closeAlertTarget, url: closeAlertUrl, credential: closeAlertCredential }
          : null,
      mapper: s.mapper as DataSourceMapper,
      hasHmacSecret: hmacSecretCiphertext !== null,
      keys: keys
        .filter((k) => k.tenantId === s.tenantId && k.dataSourceId === s.id)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map(({ tenantId: _t, dataSourceId: _d, ...k }) => k),
    }),
  );
}
