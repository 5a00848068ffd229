import type { Logger } from 'pino';
import type { z } from 'zod';

/**
 * The contract between the daemon framework (scheduler, cursors, run statistics, intake) and one
 * connector kind (syslog, SQL poll, IMAP, Splunk, MISP, ...). A connector only talks to the outside
 * world: it never opens a database transaction of ours. The framework owns everything durable:
 *
 * - it validates `config` with `configSchema` when a daemon's YAML is saved (errors shown with the
 *   YAML line/column) and resolves secret references before calling the connector;
 * - for a polling kind it calls `run(ctx)` and writes the returned items AND the returned cursor in
 *   ONE transaction (alerts through the ingest intake with dedup by `sourceId`; indicators through
 *   the threat-intel upsert), so a crash between fetch and commit re-fetches the same items from the
 *   old cursor and dedup drops what was already stored: nothing lost, nothing duplicated;
 * - while `hasMore` is true (and the daemon's `maxItemsPerRun` is not exhausted) it calls `run`
 *   again with the new cursor in the same run;
 * - for a listening kind it calls `listen(ctx)` once when the daemon is enabled and aborts
 *   `ctx.signal` when it is disabled, edited or the worker stops.
 */

/** An external event that becomes an alert through the tenant's JSONata mapping. */
export interface AlertItem {
  /**
   * The source's own id for the event (SIEM alert id, IMAP UIDVALIDITY:UID, row key, ...). Intake
   * deduplicates on it per daemon forever, so re-fetching after a crash, reset or rewind is harmless.
   */
  sourceId: string;
  /** The event as JSON; the daemon's `filter` and `mapping` (JSONata per alert field) read it. */
  event: Record<string, unknown>;
  /**
   * The original text (a CEF/LEEF/syslog line), stored as the alert when the daemon has no `mapping`
   * so the intake's built-in format mappers apply; otherwise `event` is stored.
   */
  raw?: string;
}

/** One threat-intel indicator for the tenant's local store (threat_indicators). */
export interface IndicatorItem {
  /** An `IocType` of @palisade/ioc (ipv4, ipv6, domain, url, md5, sha1, sha256, email, ...). */
  type: string;
  /** Normalized like artifacts (lowercase domains and hashes). */
  value: string;
  verdict?: 'malicious' | 'suspicious' | 'benign';
  /** 0..100; the store defaults to 80. */
  score?: number;
  description?: string | null;
  /** Null = does not expire. */
  expiresAt?: Date | null;
  /** When the feed says it saw it last; defaults to now. */
  lastSeen?: Date;
}

export type DaemonOutput = 'alerts' | 'indicators';
export type OutputItem<O extends DaemonOutput> = O extends 'alerts' ? AlertItem : IndicatorItem;

/** Counters a connector may report beyond the items it returns (e.g. messages it could not parse). */
export interface ConnectorStats {
  /** Items read from the source, including ones dropped by the connector itself. */
  fetched?: number;
  /** Items the connector could not read or parse; `errors` carries a few messages for the console. */
  failed?: number;
  errors?: string[];
}

/** A secret reference from the YAML (`{ credential: provider }`) resolved by the framework. */
export interface ResolvedSecret {
  secret: string | null;
  baseUrl: string | null;
}

/** What every connector call receives. */
export interface ConnectorContextBase<Config> {
  tenantId: string;
  daemonId: string;
  daemonName: string;
  /** The YAML `inputs`, parsed by `configSchema`; secret references already resolved. */
  config: Config;
  /**
   * Secrets of the YAML `secrets:` section by name, decrypted from the tenant's (or the MSSP's
   * shared) integration credentials. Never log them.
   */
  secrets: Readonly<Record<string, ResolvedSecret>>;
  /** Aborted when the daemon is disabled/edited, the run times out or the worker stops. */
  signal: AbortSignal;
  log: Logger;
}

/** Rules of the daemon's YAML that a polling connector must honour. */
export interface RunRules {
  /** Return at most this many items from one `run` call (the framework may call again). */
  maxItems: number;
  /** On the first run (no cursor), do not fetch older than this instant. */
  lookBackFrom: Date;
}

export interface RunContext<Config, Cursor> extends ConnectorContextBase<Config> {
  /** Last committed cursor; null on the first run or after a reset. */
  cursor: Cursor | null;
  rules: RunRules;
  /** The run's start time (use it instead of `new Date()` so a run is consistent). */
  now: Date;
}

export interface RunResult<Item, Cursor> {
  items: Item[];
  /** Cursor after these items; committed together with them. Return the input cursor when nothing moved. */
  cursor: Cursor | null;
  /** True when the source has more items after `cursor` right now. */
  hasMore: boolean;
  stats?: ConnectorStats;
}

/** Result of handing a batch to the framework from a listener. */
export interface EmitResult {
  accepted: number;
  duplicates: number;
  /** Dropped by the daemon's `filter` predicate. */
  filtered: number;
}

export interface ListenContext<Config, Item> extends ConnectorContextBase<Config> {
  /**
   * Hands a batch to the framework, which filters, maps and stores it durably before resolving:
   * a listener acknowledges its sender (e.g. a TCP syslog sender's buffer) only after this resolves.
   * Batch up: one call per message costs a transaction each.
   */
  emit(items: Item[], stats?: ConnectorStats): Promise<EmitResult>;
  /** Resolves once the listener is bound and accepting; lets the framework report "running". */
  ready(info: { address: string }): void;
}

interface ConnectorBase<Kind extends string, Config, O extends DaemonOutput> {
  /** The `kind:` in the YAML, e.g. `syslog`, `sql-poll`, `misp-feed`. */
  kind: Kind;
  /** One line for the console and templates list. */
  title: string;
  output: O;
  /** Validates the YAML `inputs`. Use `.describe()` on fields: the console shows it. */
  configSchema: z.ZodType<Config>;
  /**
   * Names of the YAML `secrets:` the connector needs (each `secrets.<name>: { credential: provider }`).
   * Validation fails when a required one is missing.
   */
  requiredSecrets?: readonly string[];
}

/** A kind that fetches on a schedule (cron or interval) from a cursor. */
export interface PollingConnector<
  Kind extends string = string,
  Config = unknown,
  Cursor = unknown,
  O extends DaemonOutput = DaemonOutput,
> extends ConnectorBase<Kind, Config, O> {
  mode: 'poll';
  /** Validates a cursor read back from the database or typed by an admin to rewind. */
  cursorSchema: z.ZodType<Cursor>;
  run(ctx: RunContext<Config, Cursor>): Promise<RunResult<OutputItem<O>, Cursor>>;
}

/** A long-running kind (syslog): started when enabled, stopped by `ctx.signal`. */
export interface ListeningConnector<
  Kind extends string = string,
  Config = unknown,
  O extends DaemonOutput = DaemonOutput,
> extends ConnectorBase<Kind, Config, O> {
  mode: 'listen';
  /** Resolves when `ctx.signal` aborts and every socket is closed; rejects on a fatal error (e.g. port in use). */
  listen(ctx: ListenContext<Config, OutputItem<O>>): Promise<void>;
}

/** A kind that analyses Palisade's own data on a schedule (stale incidents, lifecycle report, ...). */
export interface InternalConnector<Kind extends string = string, Config = unknown>
  extends ConnectorBase<Kind, Config, 'alerts'> {
  mode: 'internal';
  /**
   * Runs the analysis. Internal kinds read and write our own tables through `withTenant` in the
   * context (their effects, e.g. queued emails or tags, are idempotent per run key).
   */
  analyse(ctx: InternalContext<Config>): Promise<InternalResult>;
}

export interface InternalContext<Config> extends ConnectorContextBase<Config> {
  now: Date;
  /** Idempotency prefix for this run's effects (`daemon:<id>:<scheduled-at>`): a retried run repeats nothing. */
  runKey: string;
}

export interface InternalResult {
  /** Things looked at / things acted on, for the run statistics. */
  fetched: number;
  acted: number;
  /** Short human summary shown in the run history. */
  summary: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds connectors of every config/cursor type.
export type AnyPollingConnector = PollingConnector<string, any, any, DaemonOutput>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type AnyListeningConnector = ListeningConnector<string, any, DaemonOutput>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type AnyInternalConnector = InternalConnector<string, any>;
export type DaemonConnector = AnyPollingConnector | AnyListeningConnector | AnyInternalConnector;

/** Identity helpers that keep the generic types of one connector checked. */
export const definePollingConnector = <K extends string, C, Cur, O extends DaemonOutput>(
  c: PollingConnector<K, C, Cur, O>,
) => c;
export const defineListeningConnector = <K extends string, C, O extends DaemonOutput>(
  c: ListeningConnector<K, C, O>,
) => c;
export const defineInternalConnector = <K extends string, C>(c: InternalConnector<K, C>) => c;
