import { writeCursor } from '@palisade/db/queries/daemons/daemon-controls';
import {
  addRunCounts,
  type ClaimedDaemon,
  DaemonLeaseLostError,
  finishDaemonRun,
  holdDaemonLease,
  type RunCounts,
  startDaemonRun,
} from '@palisade/db/queries/daemons/daemon-runs';
import { withTenant } from '@palisade/db/with-tenant';
import type { Logger } from 'pino';
import type { AlertItem, AnyInternalConnector, AnyPollingConnector, IndicatorItem } from './connector';
import { deliverAlerts, deliverIndicators, filterAlertItems } from './deliver-items';
import { type LoadedDaemon, loadDaemon, resolveDaemonSecrets } from './load-daemon';
import { nextRunAt } from './next-run-at';

export type RunOptions = {
  owner: string;
  leaseSeconds: number;
  log: Logger;
  signal: AbortSignal;
};

export type RunOutcome = { status: 'succeeded' | 'failed' | 'lost'; items: number };

/**
 * One scheduled run of a claimed daemon. Polling kinds loop `run` → filter → one transaction per
 * batch holding the lease, the intake write and the new cursor, until the source is drained or
 * `maxItemsPerRun` is reached. A crash at any point leaves the last committed cursor and exactly
 * the items before it; the lease then expires and the next claim resumes from there.
 */
export async function runClaimedDaemon(claim: ClaimedDaemon, options: RunOptions): Promise<RunOutcome> {
  const { tenantId, daemonId } = claim;
  const log = options.log.child({ tenant_id: tenantId, daemon_id: daemonId });
  const started = await withTenant(tenantId, (tx) =>
    startDaemonRun(tx, {
      tenantId,
      daemonId,
      owner: options.owner,
      trigger: 'schedule',
      scheduledFor: claim.dueAt,
    }),
  );
  if (!started) return { status: 'lost', items: 0 };
  const runId = started.run.id;
  let loaded: LoadedDaemon | undefined;
  /** Closes the run and schedules the next; an internal run's counters go in the same transaction. */
  const finish = (
    status: 'succeeded' | 'failed',
    error: string | null,
    summary: string | null,
    counts?: RunCounts,
  ) =>
    withTenant(tenantId, async (tx) => {
      if (counts) {
        await holdDaemonLease(tx, {
          tenantId,
          daemonId,
          owner: options.owner,
          leaseSeconds: options.leaseSeconds,
        });
        await addRunCounts(tx, { tenantId, runId, counts });
      }
      await finishDaemonRun(tx, {
        tenantId,
        daemonId,
        runId,
        owner: options.owner,
        status,
        error,
        summary,
        dueAt: claim.dueAt,
        nextRunAt: loaded ? nextRunAt(loaded.definition.schedule, loaded.definition.rules, new Date()) : null,
      });
    });
  try {
    loaded = loadDaemon(started.daemon);
    const def = loaded.definition;
    const secrets =
      Object.keys(def.secrets).length === 0
        ? {}
        : await withTenant(tenantId, (tx) => resolveDaemonSecrets(tx, tenantId, def));
    const base = {
      tenantId,
      daemonId,
      daemonName: loaded.row.name,
      config: loaded.config,
      secrets,
      signal: options.signal,
      log,
    };
    const connector = loaded.connector;
    if (connector.mode === 'internal') {
      const r = await runInternal(connector, {
        ...base,
        now: new Date(),
        runKey: `daemon:${daemonId}:${claim.dueAt.toISOString()}`,
      });
      await finish('succeeded', null, r.summary, { fetched: r.fetched, created: r.acted });
      return { status: 'succeeded', items: r.acted };
    }
    if (connector.mode !== 'poll') throw new Error(`kind '${connector.kind}' is a listener, not scheduled`);
    const items = await poll(connector, loaded, started.cursor, { ...base, runId, options });
    await finish('succeeded', null, `${items} items`);
    return { status: 'succeeded', items };
  } catch (err) {
    if (err instanceof DaemonLeaseLostError) {
      log.warn('daemon lease lost: another run owns it now');
      return { status: 'lost', items: 0 };
    }
    const message = err instanceof Error ? err.message : String(err);
    log.warn({ err }, 'daemon run failed');
    await finish('failed', message.slice(0, 2000), null);
    return { status: 'failed', items: 0 };
  }
}

function runInternal(connector: AnyInternalConnector, ctx: Parameters<AnyInternalConnector['analyse']>[0]) {
  return connector.analyse(ctx);
}

async function poll(
  connector: AnyPollingConnector,
  loaded: LoadedDaemon,
  storedCursor: unknown,
  ctx: {
    tenantId: string;
    daemonId: string;
    daemonName: string;
    config: unknown;
    secrets: Record<string, { secret: string | null; baseUrl: string | null }>;
    signal: AbortSignal;
    log: Logger;
    runId: string;
    options: RunOptions;
  },
): Promise<number> {
  const { tenantId, daemonId, runId, options } = ctx;
  const { definition } = loaded;
  const now = new Date();
  const lookBackFrom = new Date(now.getTime() - definition.rules.lookBack);
  let cursor = storedCursor === null ? null : connector.cursorSchema.parse(storedCursor);
  let total = 0;
  for (;;) {
    options.signal.throwIfAborted();
    const remaining = definition.rules.maxItemsPerRun - total;
    const result = await connector.run({ ...ctx, cursor, rules: { maxItems: remaining, lookBackFrom }, now });
    // The cursor covers every returned item: dropping extras here would skip them for good.
    if (result.items.length > remaining) {
      throw new Error(
        `kind '${connector.kind}' returned ${result.items.length} items for maxItems ${remaining}`,
      );
    }
    const items = result.items;
    const fetched = result.stats?.fetched ?? items.length;
    const alerts =
      connector.output === 'alerts' ? await filterAlertItems(definition.filter, items as AlertItem[]) : null;
    await withTenant(tenantId, async (tx) => {
      await holdDaemonLease(tx, {
        tenantId,
        daemonId,
        owner: options.owner,
        leaseSeconds: options.leaseSeconds,
      });
      let delivered = { created: 0, duplicates: 0 };
      if (alerts) {
        if (!loaded.row.dataSourceId) throw new Error('daemon has no data source for its alerts');
        delivered = await deliverAlerts(tx, {
          tenantId,
          dataSourceId: loaded.row.dataSourceId,
          definition,
          items: alerts.kept,
        });
      } else {
        delivered = await deliverIndicators(tx, {
          tenantId,
          daemonName: loaded.row.name,
          definition,
          items: items as IndicatorItem[],
          now,
        });
      }
      if (JSON.stringify(result.cursor) !== JSON.stringify(cursor)) {
        await writeCursor(tx, {
          tenantId,
          daemonId,
          value: result.cursor,
          reason: 'run',
          runId,
          actorUserId: null,
        });
      }
      await addRunCounts(tx, {
        tenantId,
        runId,
        counts: {
          fetched,
          ...delivered,
          filtered: alerts?.filtered ?? 0,
          failed: (result.stats?.failed ?? 0) + (alerts?.failed ?? 0),
        },
      });
    });
    cursor = result.cursor;
    total += items.length;
    ctx.log.debug({ run_id: runId, items: items.length, total }, 'daemon batch committed');
    if (!result.hasMore || total >= definition.rules.maxItemsPerRun || items.length === 0) return total;
  }
}
