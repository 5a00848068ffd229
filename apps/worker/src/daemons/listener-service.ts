import type { Db } from '@palisade/db/database';
import {
  addRunCounts,
  finishDaemonRun,
  listListenerDaemons,
  startDaemonRun,
} from '@palisade/db/queries/daemons/daemon-runs';
import { withTenant } from '@palisade/db/with-tenant';
import type { Logger } from 'pino';
import type { AlertItem, ConnectorStats, EmitResult, IndicatorItem } from './connector';
import { deliverAlerts, deliverIndicators, filterAlertItems } from './deliver-items';
import { loadDaemon, resolveDaemonSecrets } from './load-daemon';

type Running = {
  version: number;
  /** Set when the session ended on its own (e.g. port in use): the next sync retries it. */
  ended: boolean;
  abort: AbortController;
  done: Promise<void>;
  /** Resolves with the bound address once the connector says it is ready. */
  ready: Promise<string>;
};

export type ListenerServiceOptions = { db: Db; log: Logger };

/**
 * Keeps one long-running `listen` per enabled listener daemon (syslog) in this worker. `sync()`
 * compares the database with what runs: new or edited (version changed) daemons start, disabled
 * or deleted ones stop. Each listener session is one `daemon_runs` row whose counters grow with
 * every emitted batch.
 */
export class ListenerService {
  private readonly running = new Map<string, Running>();
  private syncing: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ListenerServiceOptions) {}

  /** Starts/stops listeners to match the database; concurrent calls share one pass. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  /** The address a daemon's listener bound (tests and benchmarks connect to it). */
  addressOf(daemonId: string): Promise<string> | undefined {
    for (const [key, r] of this.running) if (key.endsWith(`:${daemonId}`)) return r.ready;
    return undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.syncing;
    await Promise.all([...this.running.keys()].map((k) => this.stopOne(k)));
  }

  private async syncOnce(): Promise<void> {
    if (this.stopped) return;
    const wanted = await listListenerDaemons(this.options.db);
    const keys = new Set(wanted.map((w) => `${w.tenantId}:${w.daemonId}`));
    for (const key of [...this.running.keys()]) if (!keys.has(key)) await this.stopOne(key);
    for (const w of wanted) {
      const key = `${w.tenantId}:${w.daemonId}`;
      const cur = this.running.get(key);
      if (cur && cur.version === w.version && !cur.ended) continue;
      if (cur) await this.stopOne(key);
      this.startOne(w.tenantId, w.daemonId, w.version);
    }
  }

  private async stopOne(key: string): Promise<void> {
    const r = this.running.get(key);
    if (!r) return;
    r.abort.abort();
    await r.done;
    this.running.delete(key);
  }

  private startOne(tenantId: string, daemonId: string, version: number): void {
    const abort = new AbortController();
    let markReady: (address: string) => void = () => {};
    const ready = new Promise<string>((resolve) => {
      markReady = resolve;
    });
    const entry: Running = { version, ended: false, abort, done: Promise.resolve(), ready };
    entry.done = this.session(tenantId, daemonId, abort.signal, markReady).finally(() => {
      entry.ended = true;
    });
    this.running.set(`${tenantId}:${daemonId}`, entry);
  }

  private async session(
    tenantId: string,
    daemonId: string,
    signal: AbortSignal,
    ready: (address: string) => void,
  ): Promise<void> {
    const log = this.options.log.child({ tenant_id: tenantId, daemon_id: daemonId });
    const started = await withTenant(tenantId, (tx) =>
      startDaemonRun(tx, { tenantId, daemonId, owner: 'listener', trigger: 'listener', scheduledFor: null }),
    ).catch((err: unknown) => {
      log.error({ err }, 'listener could not start');
      return null;
    });
    if (!started) return;
    const runId = started.run.id;
    let status: 'succeeded' | 'failed' = 'succeeded';
    let error: string | null = null;
    try {
      const loaded = loadDaemon(started.daemon);
      const { connector, definition } = loaded;
      if (connector.mode !== 'listen') throw new Error(`kind '${connector.kind}' is not a listener`);
      const secrets = await withTenant(tenantId, (tx) => resolveDaemonSecrets(tx, tenantId, definition));
      const emit = async (
        items: (AlertItem | IndicatorItem)[],
        stats?: ConnectorStats,
      ): Promise<EmitResult> => {
        const alerts =
          connector.output === 'alerts'
            ? await filterAlertItems(definition.filter, items as AlertItem[])
            : null;
        const delivered = await withTenant(tenantId, async (tx) => {
          const d = alerts
            ? await deliverAlerts(tx, {
                tenantId,
                dataSourceId: loaded.row.dataSourceId as string,
                definition,
                items: alerts.kept,
              })
            : await deliverIndicators(tx, {
                tenantId,
                daemonName: loaded.row.name,
                definition,
                items: items as IndicatorItem[],
                now: new Date(),
              });
          await addRunCounts(tx, {
            tenantId,
            runId,
            counts: {
              fetched: stats?.fetched ?? items.length,
              ...d,
              filtered: alerts?.filtered ?? 0,
              failed: (stats?.failed ?? 0) + (alerts?.failed ?? 0),
            },
          });
          return d;
        });
        return {
          accepted: delivered.created,
          duplicates: delivered.duplicates,
          filtered: alerts?.filtered ?? 0,
        };
      };
      await connector.listen({
        tenantId,
        daemonId,
        daemonName: loaded.row.name,
        config: loaded.config,
        secrets,
        signal,
        log,
        emit,
        ready: ({ address }) => ready(address),
      });
    } catch (err) {
      status = 'failed';
      error = err instanceof Error ? err.message : String(err);
      log.error({ err }, 'listener failed');
    }
    await withTenant(tenantId, (tx) =>
      finishDaemonRun(tx, {
        tenantId,
        daemonId,
        runId,
        owner: null,
        status,
        error,
        summary: null,
        dueAt: null,
        nextRunAt: null,
      }),
    ).catch((err: unknown) => log.error({ err }, 'listener session could not be closed'));
  }
}
