import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/**
 * MSSP-wide playbook templates (the shipped master set). No tenant data: every tenant may read them;
 * only the owner (migrations, seed) writes. A tenant's copy lives in `playbooks` and never changes
 * when a template does.
 */
export const playbookTemplates = pgTable(
  'playbook_templates',
  {
    /** The playbook definition id, e.g. `mssp-master`. */
    id: text('id').notNull(),
    version: integer('version').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.version] }),
    pgPolicy('playbook_templates_read', { as: 'permissive', for: 'select', to: appRole, using: sql`true` }),
  ],
);

/** A tenant's playbook: the mutable head pointing at its current immutable version. */
export const playbooks = pgTable(
  'playbooks',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    /** The definition's `id` (what `call:` names); unique per tenant. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull(),
    /** Copied from this template (id, version), if any; a later template upgrade is offered, never applied. */
    templateId: text('template_id'),
    templateVersion: integer('template_version'),
    /** The current version's trigger type, so event triggers find their playbooks without parsing each. */
    triggerType: text('trigger_type').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('playbooks_tenant_slug_key').on(t.tenantId, t.slug),
    index('playbooks_tenant_trigger_idx').on(t.tenantId, t.triggerType),
    tenantPolicy('playbooks'),
  ],
);

/** One saved version; never updated (the app role has SELECT and INSERT only). */
export const playbookVersions = pgTable(
  'playbook_versions',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    playbookId: uuid('playbook_id').notNull(),
    version: integer('version').notNull(),
    source: text('source').notNull(),
    /** The validated, parsed definition (`Playbook` of @palisade/playbook) runs execute. */
    definition: jsonb('definition').notNull(),
    /** Null for system saves (onboarding copy, seed). */
    createdBy: uuid('created_by'),
    /** Why this version exists: a save, a rollback to version n, a template install. */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.playbookId, t.version] }),
    foreignKey({
      columns: [t.tenantId, t.playbookId],
      foreignColumns: [playbooks.tenantId, playbooks.id],
    }).onDelete('cascade'),
    tenantPolicy('playbook_versions'),
  ],
);

export const playbookRunStatus = pgEnum('playbook_run_status', [
  'running',
  'succeeded',
  'failed',
  'cancelled',
]);

/** A run pins its playbook version; `state` is the engine's RunState, the source of truth for planning. */
export const playbookRuns = pgTable(
  'playbook_runs',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    playbookId: uuid('playbook_id').notNull(),
    version: integer('version').notNull(),
    /** manual, called, incident.created, incident.updated, alert.received, schedule */
    trigger: text('trigger').notNull(),
    triggeredBy: uuid('triggered_by'),
    status: playbookRunStatus('status').notNull().default('running'),
    dryRun: boolean('dry_run').notNull().default(false),
    incidentId: uuid('incident_id'),
    state: jsonb('state').notNull(),
    parentRunId: uuid('parent_run_id'),
    parentStepId: text('parent_step_id'),
    parentIndex: integer('parent_index'),
    parentAttempt: integer('parent_attempt'),
    /** The planner's childRunKey (or a trigger's dedup key): a replayed command cannot start a second run. */
    dedupKey: text('dedup_key'),
    /** Bumped by each accepted step re-run, so the re-run's attempts get rows beside the old ones. */
    generation: integer('generation').notNull().default(0),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.playbookId, t.version],
      foreignColumns: [playbookVersions.tenantId, playbookVersions.playbookId, playbookVersions.version],
    }).onDelete('cascade'),
    uniqueIndex('playbook_runs_dedup_key').on(t.tenantId, t.dedupKey),
    index('playbook_runs_tenant_started_idx').on(t.tenantId, t.startedAt.desc()),
    index('playbook_runs_tenant_playbook_idx').on(t.tenantId, t.playbookId, t.startedAt.desc()),
    index('playbook_runs_parent_idx').on(t.tenantId, t.parentRunId),
    tenantPolicy('playbook_runs'),
  ],
);

/**
 * queued: a job exists; deferred: over the tenant's concurrency limit, dispatched when a slot frees;
 * running: the handler started; waiting: a wait or decision; the rest are final.
 */
export const playbookStepRunStatus = pgEnum('playbook_step_run_status', [
  'deferred',
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
  'recorded',
]);

/** One attempt of one unit (a step, or a foreach item) of a run. */
export const playbookStepRuns = pgTable(
  'playbook_step_runs',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    runId: uuid('run_id').notNull(),
    stepId: text('step_id').notNull(),
    /** foreach item index; 0 for a plain step */
    itemIndex: integer('item_index').notNull().default(0),
    /** the run's generation when this attempt started (a step re-run restarts attempts at 1) */
    generation: integer('generation').notNull().default(0),
    attempt: integer('attempt').notNull(),
    /** action, call, wait, decision */
    kind: text('kind').notNull(),
    actionId: text('action_id'),
    status: playbookStepRunStatus('status').notNull(),
    input: jsonb('input'),
    output: jsonb('output'),
    error: text('error'),
    idempotencyKey: text('idempotency_key'),
    /** The run-action command as planned, kept so a deferred unit can be dispatched later. */
    command: jsonb('command'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.runId, t.stepId, t.itemIndex, t.generation, t.attempt] }),
    foreignKey({
      columns: [t.tenantId, t.runId],
      foreignColumns: [playbookRuns.tenantId, playbookRuns.id],
    }).onDelete('cascade'),
    // The fairness gate counts a tenant's in-flight units and picks its oldest deferred ones.
    index('playbook_step_runs_active_idx')
      .on(t.tenantId, t.status, t.queuedAt)
      .where(sql`${t.status} in ('deferred', 'queued', 'running')`),
    tenantPolicy('playbook_step_runs'),
  ],
);

/** Side effects done (or, in a dry run, recorded): checked before performing, written after. */
export const playbookEffects = pgTable(
  'playbook_effects',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    idempotencyKey: text('idempotency_key').notNull(),
    runId: uuid('run_id').notNull(),
    stepId: text('step_id').notNull(),
    actionId: text('action_id').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    input: jsonb('input'),
    output: jsonb('output'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.idempotencyKey] }),
    foreignKey({
      columns: [t.tenantId, t.runId],
      foreignColumns: [playbookRuns.tenantId, playbookRuns.id],
    }).onDelete('cascade'),
    index('playbook_effects_run_idx').on(t.tenantId, t.runId),
    tenantPolicy('playbook_effects'),
  ],
);

export const playbookDecisionStatus = pgEnum('playbook_decision_status', [
  'pending',
  'answered',
  'timed_out',
  'cancelled',
]);

/** A manual decision a run waits on, answered in the console by someone holding `role`. */
export const playbookDecisions = pgTable(
  'playbook_decisions',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    runId: uuid('run_id').notNull(),
    stepId: text('step_id').notNull(),
    itemIndex: integer('item_index').notNull().default(0),
    prompt: text('prompt').notNull(),
    role: text('role').notNull(),
    choices: text('choices').array().notNull(),
    status: playbookDecisionStatus('status').notNull().default('pending'),
    choice: text('choice'),
    answeredBy: uuid('answered_by'),
    comment: text('comment'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.runId, t.stepId, t.itemIndex] }),
    foreignKey({
      columns: [t.tenantId, t.runId],
      foreignColumns: [playbookRuns.tenantId, playbookRuns.id],
    }).onDelete('cascade'),
    index('playbook_decisions_pending_idx').on(t.tenantId, t.createdAt).where(sql`${t.status} = 'pending'`),
    tenantPolicy('playbook_decisions'),
  ],
);

export type PlaybookRow = typeof playbooks.$inferSelect;
export type PlaybookVersionRow = typeof playbookVersions.$inferSelect;
export type PlaybookRunRow = typeof playbookRuns.$inferSelect;
export type PlaybookStepRunRow = typeof playbookStepRuns.$inferSelect;
export type PlaybookDecisionRow = typeof playbookDecisions.$inferSelect;
