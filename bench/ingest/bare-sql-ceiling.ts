import type postgres from 'postgres';
import { alertStream } from './alert-generator';

/**
 * The least SQL alerts need, as a ceiling for the real pipeline: insert the raw alert, upsert its
 * artifacts, insert an incident. No HTTP, auth, dedup, normalization, RLS scope, grouping or queue;
 * artifact values come straight from the generator. `perTransaction` alerts share one transaction
 * and one multi-row statement per step (1 = a transaction per alert). `clients` connections work
 * concurrently for `seconds`.
 */
export async function bareSqlCeiling(
  sql: postgres.Sql,
  tenants: readonly { id: string; dataSourceId: string }[],
  { seconds, clients, perTransaction }: { seconds: number; clients: number; perTransaction: number },
): Promise<{ alerts: number; seconds: number; perSecond: number }> {
  const numbers = new Map<string, number>(tenants.map((t) => [t.id, 1_000_000 * perTransaction]));
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const tenant = tenants[c % tenants.length] as { id: string; dataSourceId: string };
      const next = alertStream(100 + c);
      while (Date.now() < deadline) {
        const batch = Array.from({ length: perTransaction }, () => next());
        const counts = new Map<string, { type: string; value: string; n: number }>();
        for (const alert of batch) {
          const msg = String(alert.message);
          for (const [type, value] of [
            ['ipv4', String(alert.src_ip)],
            ['host', String(alert.host)],
            ['user', String(alert.user)],
            ['domain', /https:\/\/([^/]+)/.exec(msg)?.[1] ?? 'x'],
            ['sha256', /sha256 ([0-9a-f]+)/.exec(msg)?.[1] ?? 'x'],
          ] as const) {
            const k = `${type}:${value}`;
            const cur = counts.get(k);
            if (cur) cur.n += 1;
            else counts.set(k, { type, value, n: 1 });
          }
        }
        const first = (numbers.get(tenant.id) ?? 0) + 1;
        numbers.set(tenant.id, first + batch.length - 1);
        const arts = [...counts.values()].sort((x, y) => (x.type + x.value < y.type + y.value ? -1 : 1));
        await sql.begin(async (tx) => {
          await tx`insert into public.alerts (tenant_id, data_source_id, raw, payload_hash)
                   select ${tenant.id}, ${tenant.dataSourceId}, x, 'ceiling'
                     from jsonb_array_elements(${tx.json(batch as postgres.JSONValue)}) as x`;
          await tx`insert into public.artifacts (tenant_id, type, value, alert_count)
                   select ${tenant.id}, x.type, x.value, x.n
                     from jsonb_to_recordset(${tx.json(arts)}) as x(type text, value text, n integer)
                   on conflict (tenant_id, type, value) do update
                     set alert_count = artifacts.alert_count + excluded.alert_count, last_seen_at = now()`;
          await tx`insert into public.incidents (tenant_id, number, title, severity, priority, first_alert_at, last_alert_at)
                   select ${tenant.id}, ${first} + (o - 1)::int, x->>'title', 'high', 'p2', now(), now()
                     from jsonb_array_elements(${tx.json(batch as postgres.JSONValue)}) with ordinality as t(x, o)`;
        });
        done += batch.length;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { alerts: done, seconds: elapsed, perSecond: done / elapsed };
}
