import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './branding';
import { incidents } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

export const reportKind = pgEnum('report_kind', ['incident', 'periodic']);
/** queued → rendering → ready | failed. */
export const reportStatus = pgEnum('report_status', ['queued', 'rendering', 'ready', 'failed']);
export const reportFrequency = pgEnum('report_frequency', ['weekly', 'monthly']);

/**
 * One generated PDF. `subject` names what it reports on (`incident:<id>` or `periodic:<from>/<to>`);
 * `version` counts the reports of one subject. The bytes live in `report_chunks`, so a download streams
 * them and a large report never sits whole in one row or one buffer.
 */
export const reports = pgTable(
  'reports',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    kind: reportKind('kind').notNull(),
    subject: text('subject').notNull(),
    version: integer('version').notNull(),
    incidentId: uuid('incident_id'),
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    /** Set for scheduled periodic reports. */
    frequency: reportFrequency('frequency'),
    title: text('title').notNull(),
    status: reportStatus('status').notNull().default('queued'),
    /** 0–100, written by the worker while it renders. */
    progress: integer('progress').notNull().default(0),
    /** What the worker is doing now (`artifacts 2,000 / 10,000`). */
    stage: text('stage').notNull().default('queued'),
    error: text('error'),
    byteSize: integer('byte_size'),
    pageCount: integer('page_count'),
    sha256: text('sha256'),
    /** Email the tenant's report recipients once ready. */
    emailRecipients: boolean('email_recipients').notNull().default(false),
    /** A playbook effect or a schedule slot: the same key never makes a second report. */
    idempotencyKey: text('idempotency_key'),
    /** Null for system (schedule, playbook). */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    uniqueIndex('reports_subject_version_key').on(t.tenantId, t.subject, t.version),
    uniqueIndex('reports_idempotency_key').on(t.tenantId, t.idempotencyKey),
    index('reports_tenant_created_idx').on(t.tenantId, t.createdAt.desc()),
    index('reports_incident_idx').on(t.tenantId, t.incidentId),
    check('reports_progress_range', sql`${t.progress} between 0 and 100`),
    check(
      'reports_kind_subject',
      sql`(${t.kind} = 'incident' and ${t.incidentId} is not null) or (${t.kind} = 'periodic' and ${t.periodStart} is not null and ${t.periodEnd} > ${t.periodStart})`,
    ),
    tenantPolicy('reports'),
  ],
);

/** A report's PDF in ordered chunks (at most 256 KiB each). */
export const reportChunks = pgTable(
  'report_chunks',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    reportId: uuid('report_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reportId, t.seq] }),
    foreignKey({
      columns: [t.tenantId, t.reportId],
      foreignColumns: [reports.tenantId, reports.id],
    }).onDelete('cascade'),
    tenantPolicy('report_chunks'),
  ],
);

/** The analyst's words for an incident report: executive summary and recommendations. */
export const incidentReportNarratives = pgTable(
  'incident_report_narratives',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    incidentId: uuid('incident_id').notNull(),
    executiveSummary: text('executive_summary').notNull().default(''),
    recommendations: text('recommendations').notNull().default(''),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.incidentId] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    check(
      'incident_report_narratives_length',
      sql`length(${t.executiveSummary}) <= 20000 and length(${t.recommendations}) <= 20000`,
    ),
    tenantPolicy('incident_report_narratives'),
  ],
);

/** A tenant's periodic report schedules (a row = on); the `enqueue-periodic-reports` cron reads them. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    frequency: reportFrequency('frequency').notNull(),
    /** Email the tenant's report recipients when a scheduled report is ready. */
    emailRecipients: boolean('email_recipients').notNull().default(true),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.frequency] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    tenantPolicy('report_schedules'),
  ],
);

export type Report = typeof reports.$inferSelect;
export type ReportKind = (typeof reportKind.enumValues)[number];
export type ReportStatus = (typeof reportStatus.enumValues)[number];
export type ReportFrequency = (typeof reportFrequency.enumValues)[number];
export type ReportSchedule = typeof reportSchedules.$inferSelect;
