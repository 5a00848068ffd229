import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import { DataSourceMapper } from '../data-sources/data-source-mapper';
import { uuidArray } from './uuid-array';

export type ReceivedAlert = {
  id: string;
  dataSourceId: string;
  raw: unknown;
  receivedAt: Date;
  mapper: DataSourceMapper;
};

/**
 * Locks received alerts of one tenant for processing in the caller's transaction: the job's own
 * alerts first, then the tenant's oldest other waiting alerts up to `limit` (adaptive batching:
 * under load one transaction does the work of several jobs, whose own turn then finds nothing
 * left). SKIP LOCKED keeps concurrent jobs on disjoint alerts; alerts no longer `received` (a
 * retry, or another job got there first) are not returned.
 */
export async function claimReceivedAlerts(
  tx: Tx,
  input: { tenantId: string; alertIds: readonly string[]; limit: number },
): Promise<ReceivedAlert[]> {
  const own = uuidArray(input.alertIds);
  type Row = {
    id: string;
    data_source_id: string;
    raw: unknown;
    received_at: string | Date;
    mapper: unknown;
  };
  const claim = async (which: ReturnType<typeof sql>, limit: number) =>
    rowsOf<Row>(
      await tx.execute(sql`
        with claimed as (
          select a.id, a.data_source_id, a.raw, a.received_at
            from public.alerts a
           where a.tenant_id = ${input.tenantId}::uuid and a.status = 'received' and ${which}
           order by a.received_at, a.id
           limit ${limit}
             for update of a skip locked
        )
        select c.id::text as id, c.data_source_id::text as data_source_id, c.raw, c.received_at, s.mapper
          from claimed c
          join public.data_sources s on s.tenant_id = ${input.tenantId}::uuid and s.id = c.data_source_id`),
    );
  // Two statements so each uses an index: the job's own alerts by key, the backlog by received_at.
  const mine = await claim(sql`a.id = any (${own}::uuid[])`, input.limit);
  const more =
    mine.length < input.limit
      ? await claim(sql`a.id <> all (${own}::uuid[])`, input.limit - mine.length)
      : [];
  const rows = [...mine, ...more].sort(
    (x, y) => new Date(x.received_at).getTime() - new Date(y.received_at).getTime(),
  );
  return rows.map((r) => ({
    id: r.id,
    dataSourceId: r.data_source_id,
    raw: r.raw,
    receivedAt: new Date(r.received_at),
    mapper: DataSourceMapper.catch({ kind: 'auto' }).parse(r.mapper),
  }));
}
