import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './branding';
import { dataSources } from './data-sources';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/**
 * A tenant's background process (syslog listener, SIEM poll, feed, internal analysis) defined in
 * YAML. `definition` is the validated YAML; the scheduler columns (`next_run_at`, `lease_*`) are
 * written by the tick and the runner only. Alert-producing daemons own a data source, so their
 * alerts enter through the ordinary intake (dedup per data source, JSONata mapping as the mapper).
 */
export const daemons = pgTable(
  'daemons',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    yaml: text('yaml').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** 'cron' | 'interval' | 'listen' (long-running, no next_run_at). */
    scheduleKind: text('schedule_kind').notNull(),
    dataSourceId: uuid('data_source_id'),
    /** When the next scheduled run is due; null when disabled or a listener. */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    /** A run holds the daemon until this instant; an expired lease (crashed worker) frees it. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    currentRunId: uuid('current_run_id'),
    /** Bumped on every edit/enable/disable: listeners restart when it changes. */
    version: integer('version').notNull().default(1),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastStatus: text('last_status'),
    lastError: text('last_error'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.dataSourceId],
      foreignColumns: [dataSources.tenantId, dataSources.id],
    }),
    foreignKey({ columns: [t.createdBy], foreignColumns: [users.id] }).onDelete('set null'),
    uniqueIndex('daemons_tenant_name_key').on(t.tenantId, t.name),
    index('daemons_due_idx').on(t.nextRunAt).where(sql`${t.enabled} and ${t.nextRunAt} is not null`),
    check('daemons_schedule_kind', sql`${t.scheduleKind} in ('cron', 'interval', 'listen')`),
    tenantPolicy('daemons'),
  ],
);

/** The daemon's position in its source, committed in the same transaction as the items it covers. */
export const daemonCursors = pgTable(
  'daemon_cursors',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    daemonId: uuid('daemon_id').notNull(),
    value: jsonb('value'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.daemonId] }),
    foreignKey({
      columns: [t.tenantId, t.daemonId],
      foreignColumns: [daemons.tenantId, daemons.id],
    }).onDelete('cascade'),
    tenantPolicy('daemon_cursors'),
  ],
);

/** Every cursor value a daemon had (runs, resets, rewinds): what an admin picks to rewind to. */
export const daemonCursorHistory = pgTable(
  'daemon_cursor_history',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    daemonId: uuid('daemon_id').notNull(),
    value: jsonb('value'),
    /** 'run' | 'reset' | 'rewind' */
    reason: text('reason').notNull(),
    runId: uuid('run_id'),
    actorUserId: uuid('actor_user_id'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.daemonId],
      foreignColumns: [daemons.tenantId, daemons.id],
    }).onDelete('cascade'),
    index('daemon_cursor_history_daemon_idx').on(t.tenantId, t.daemonId, t.setAt),
    check('daemon_cursor_history_reason', sql`${t.reason} in ('run', 'reset', 'rewind')`),
    tenantPolicy('daemon_cursor_history'),
  ],
);

/** One run (or one listener session) of a daemon and its counters. */
export const daemonRuns = pgTable(
  'daemon_runs',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    daemonId: uuid('daemon_id').notNull(),
    /** 'schedule' | 'manual' | 'listener' */
    trigger: text('trigger').notNull(),
    /** When the run was due; `started_at - scheduled_for` is the scheduling lag. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    fetched: integer('fetched').notNull().default(0),
    created: integer('created').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    filtered: integer('filtered').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Scheduling lag (start - due) for polls; source lag (now - newest item) when the connector knows it. */
    lagMs: integer('lag_ms'),
    /** 'running' | 'succeeded' | 'failed' | 'abandoned' (lease expired: the worker died) */
    status: text('status').notNull().default('running'),
    error: text('error'),
    summary: text('summary'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.daemonId],
      foreignColumns: [daemons.tenantId, daemons.id],
    }).onDelete('cascade'),
    index('daemon_runs_daemon_started_idx').on(t.tenantId, t.daemonId, t.startedAt),
    check('daemon_runs_status', sql`${t.status} in ('running', 'succeeded', 'failed', 'abandoned')`),
    check('daemon_runs_trigger', sql`${t.trigger} in ('schedule', 'manual', 'listener')`),
    tenantPolicy('daemon_runs'),
  ],
);

/** Files an analysis daemon saved (lifecycle report CSV and PDF), downloadable from the console. */
export const daemonOutputs = pgTable(
  'daemon_outputs',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    daemonId: uuid('daemon_id').notNull(),
    runId: uuid('run_id'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.daemonId],
      foreignColumns: [daemons.tenantId, daemons.id],
    }).onDelete('cascade'),
    index('daemon_outputs_daemon_idx').on(t.tenantId, t.daemonId, t.createdAt),
    tenantPolicy('daemon_outputs'),
  ],
);

export type Daemon = typeof daemons.$inferSelect;
export type DaemonRun = typeof daemonRuns.$inferSelect;
