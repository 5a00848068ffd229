import { createHash } from 'node:crypto';
import type { Tx } from '@palisade/db/database';
import { MAX_ALERTS_PER_JOB } from '@palisade/db/jobs/process-alerts';
import { knownIndicatorKeys } from '@palisade/db/queries/daemons/known-indicators';
import { upsertThreatIndicators } from '@palisade/db/queries/enrichment/threat-indicators';
import { acceptAlerts } from '@palisade/db/queries/ingest/accept-alerts';
import jsonata from 'jsonata';
import type { AlertItem, IndicatorItem } from './connector';
import type { DaemonDefinition } from './definition';

/** Guards against a tenant filter that loops (same limits as the intake's generic mapper). */
const EVAL_LIMITS = { timeout: 500, stack: 300 };

export type Filtered = { kept: AlertItem[]; filtered: number; failed: number; errors: string[] };

/**
 * Applies the daemon's JSONata `filter` (truthy = becomes an alert). Runs before the batch's
 * transaction: pure CPU, and an event whose filter throws counts as failed rather than aborting the batch.
 */
export async function filterAlertItems(filter: string | undefined, items: AlertItem[]): Promise<Filtered> {
  if (!filter) return { kept: items, filtered: 0, failed: 0, errors: [] };
  const expr = jsonata(filter, EVAL_LIMITS);
  const kept: AlertItem[] = [];
  const errors: string[] = [];
  let filtered = 0;
  let failed = 0;
  for (const item of items) {
    try {
      if (await expr.evaluate(item.event)) kept.push(item);
      else filtered++;
    } catch (err) {
      failed++;
      if (errors.length < 5)
        errors.push(`filter on ${item.sourceId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { kept, filtered, failed, errors };
}

export type Delivered = { created: number; duplicates: number };

/**
 * Stores alert items through the ingest intake (dedup on the source id per daemon data source,
 * forever), in the caller's transaction, together with the cursor the caller writes.
 */
export async function deliverAlerts(
  tx: Tx,
  input: { tenantId: string; dataSourceId: string; definition: DaemonDefinition; items: AlertItem[] },
): Promise<Delivered> {
  let created = 0;
  let duplicates = 0;
  for (let i = 0; i < input.items.length; i += MAX_ALERTS_PER_JOB) {
    const chunk = input.items.slice(i, i + MAX_ALERTS_PER_JOB).map((item) => {
      const raw = input.definition.mapping || item.raw === undefined ? item.event : item.raw;
      return {
        raw,
        payloadHash: createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
        key: `id:${item.sourceId}`,
        ttlHours: null,
      };
    });
    const results = await acceptAlerts(tx, {
      tenantId: input.tenantId,
      dataSourceId: input.dataSourceId,
      items: chunk,
    });
    for (const r of results) {
      if (r.status === 'accepted') created++;
      else duplicates++;
    }
  }
  return { created, duplicates };
}

/**
 * Upserts indicator items into the tenant's threat-intel store. An indicator seen again only moves
 * `last_seen` (and its expiry), so re-fetching after a rewind adds nothing: it counts as duplicate.
 */
export async function deliverIndicators(
  tx: Tx,
  input: {
    tenantId: string;
    daemonName: string;
    definition: DaemonDefinition;
    items: IndicatorItem[];
    now: Date;
  },
): Promise<Delivered> {
  const out = input.definition.output;
  const source = out.source ?? `daemon:${input.daemonName}`;
  const rows = input.items.map((i) => {
    const lastSeen = i.lastSeen ?? input.now;
    const expiresAt =
      i.expiresAt !== undefined
        ? i.expiresAt
        : out.expiresAfter !== undefined
          ? new Date(lastSeen.getTime() + out.expiresAfter)
          : null;
    return {
      tenantId: input.tenantId,
      type: i.type,
      value: i.value,
      verdict: i.verdict ?? out.verdict ?? 'malicious',
      score: i.score ?? out.score ?? 80,
      source,
      description: i.description ?? null,
      lastSeen,
      expiresAt,
    };
  });
  const unique = new Map(rows.map((r) => [`${r.type}\u0000${r.value}`, r]));
  if (unique.size === 0) return { created: 0, duplicates: 0 };
  const seen = await knownIndicatorKeys(tx, {
    tenantId: input.tenantId,
    source,
    values: rows.map((r) => r.value),
  });
  await upsertThreatIndicators(tx, [...unique.values()]);
  const again = [...unique.keys()].filter((k) => seen.has(k)).length;
  // Repeats inside the batch count as duplicates too.
  return { created: unique.size - again, duplicates: again + (rows.length - unique.size) };
}
