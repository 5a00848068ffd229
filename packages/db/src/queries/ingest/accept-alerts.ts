import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { enqueue } from '../../jobs/enqueue';
import { MAX_ALERTS_PER_JOB, PROCESS_ALERTS, type ProcessAlertsPayload } from '../../jobs/process-alerts';
import { rowsOf } from '../../rows';

export const AcceptAlertsInput = z.object({
  tenantId: z.uuid(),
  dataSourceId: z.uuid(),
  items: z
    .array(
      z.object({
        raw: z.unknown(),
        payloadHash: z.string().regex(/^[0-9a-f]{64}$/),
        key: z.string().min(1),
        ttlHours: z.int().positive().nullable(),
      }),
    )
    .max(MAX_ALERTS_PER_JOB),
});
export type AcceptAlertsInput = z.infer<typeof AcceptAlertsInput>;

/** Per item, in input order: stored with a new id, or a re-send of an alert already stored. */
export type AcceptedItem =
  | { status: 'accepted'; alertId: string }
  | { status: 'duplicate'; duplicateOf: string | null };

/**
 * Stores the raw alerts and enqueues one `process-alerts` job for the new ones, in the caller's
 * transaction (so a 202 means both are durable). The dedup claim (primary key of alert_dedup_keys)
 * decides under concurrency: of two requests carrying the same key, one stores the alert and the
 * other gets `duplicate`. An expired payload-hash claim is taken over.
 */
export async function acceptAlerts(tx: Tx, input: AcceptAlertsInput): Promise<AcceptedItem[]> {
  const { tenantId, dataSourceId, items } = AcceptAlertsInput.parse(input);
  const results: AcceptedItem[] = new Array(items.length);
  // Same key twice in one batch: the first wins here (one INSERT .. ON CONFLICT may not touch a row twice).
  const firstByKey = new Map<string, number>();
  const rows: {
    ord: number;
    id: string;
    raw: unknown;
    payload_hash: string;
    key: string;
    ttl_hours: number | null;
  }[] = [];
  items.forEach((item, ord) => {
    const first = firstByKey.get(item.key);
    if (first !== undefined) return;
    firstByKey.set(item.key, ord);
    rows.push({
      ord,
      id: crypto.randomUUID(),
      raw: item.raw,
      payload_hash: item.payloadHash,
      key: item.key,
      ttl_hours: item.ttlHours,
    });
  });

  const stored =
    rows.length === 0
      ? []
      : rowsOf<{ ord: number; id: string; accepted: boolean; existing: string | null }>(
          await tx.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x(ord integer, id uuid, raw jsonb, payload_hash text, key text, ttl_hours integer)
      ),
      claims as (
        insert into public.alert_dedup_keys as d (tenant_id, data_source_id, key, alert_id, expires_at)
        select ${tenantId}::uuid, ${dataSourceId}::uuid, i.key, i.id,
               case when i.ttl_hours is null then null else now() + i.ttl_hours * interval '1 hour' end
          from input i order by i.key
        on conflict (tenant_id, data_source_id, key) do update
          set alert_id = excluded.alert_id, expires_at = excluded.expires_at
          where d.expires_at is not null and d.expires_at < now()
        returning d.alert_id
      ),
      stored as (
        insert into public.alerts (tenant_id, id, data_source_id, raw, payload_hash)
        select ${tenantId}::uuid, i.id, ${dataSourceId}::uuid, i.raw, i.payload_hash
          from input i join claims c on c.alert_id = i.id
        returning id
      )
      select i.ord, i.id::text as id, (s.id is not null) as accepted, d.alert_id::text as existing
        from input i
        left join stored s on s.id = i.id
        left join public.alert_dedup_keys d
          on d.tenant_id = ${tenantId}::uuid and d.data_source_id = ${dataSourceId}::uuid and d.key = i.key`),
        );

  const byOrd = new Map(stored.map((r) => [Number(r.ord), r]));
  const accepted: string[] = [];
  items.forEach((item, ord) => {
    const first = firstByKey.get(item.key);
    const own = first === ord ? byOrd.get(ord) : undefined;
    if (own?.accepted) {
      accepted.push(own.id);
      results[ord] = { status: 'accepted', alertId: own.id };
      return;
    }
    if (own) {
      results[ord] = { status: 'duplicate', duplicateOf: own.existing };
      return;
    }
    const winner = first === undefined ? undefined : byOrd.get(first);
    results[ord] = {
      status: 'duplicate',
      duplicateOf: winner?.accepted ? winner.id : (winner?.existing ?? null),
    };
  });

  if (accepted.length > 0) {
    const payload: ProcessAlertsPayload = { tenantId, alertIds: accepted };
    const enqueued = await enqueue(tx, PROCESS_ALERTS, payload);
    // No queue (worker never started against this database): refuse rather than store alerts nobody processes.
    if (enqueued !== 1) throw new Error(`queue ${PROCESS_ALERTS} does not exist: start the worker once`);
  }
  return results;
}
