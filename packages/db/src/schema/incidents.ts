import { type SQL, sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { dataSources } from './data-sources';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/** Same levels as @palisade/ioc's SeverityLevel. */
export const severityLevel = pgEnum('severity_level', ['critical', 'high', 'medium', 'low', 'info']);
/**
 * new → assigned → in_progress → resolved → closed; resolved/closed may be reopened (→ in_progress).
 * waiting_on_client: an open incident parked on the client's answer; SLA clocks pause meanwhile.
 */
export const incidentStatus = pgEnum('incident_status', [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_client',
  'resolved',
  'closed',
]);
export const incidentPriority = pgEnum('incident_priority', ['p1', 'p2', 'p3', 'p4']);

/** The states grouping may append alerts to. */
export const OPEN_INCIDENT_STATUSES = ['new', 'assigned', 'in_progress'] as const;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const incidents = pgTable(
  'incidents',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    /** Per tenant, from tenant_incident_settings.last_incident_number; shown as INC-000123. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: incidentStatus('status').notNull().default('new'),
    severity: severityLevel('severity').notNull(),
    priority: incidentPriority('priority').notNull(),
    assigneeUserId: uuid('assignee_user_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The grouping rule's key (e.g. rule + host) that later alerts match to join this incident. */
    groupKey: text('group_key'),
    ruleName: text('rule_name'),
    /** The data source of the first alert. */
    dataSourceId: uuid('data_source_id'),
    sourceProduct: text('source_product'),
    alertCount: integer('alert_count').notNull().default(0),
    firstAlertAt: timestamp('first_alert_at', { withTimezone: true }).notNull(),
    lastAlertAt: timestamp('last_alert_at', { withTimezone: true }).notNull(),
    /** Artifact values, space separated (capped), so full-text search covers them with the title. */
    searchTerms: text('search_terms').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple'::regconfig, ${incidents.title} || ' ' || ${incidents.searchTerms})`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.assigneeUserId], foreignColumns: [users.id] }).onDelete('set null'),
    foreignKey({
      columns: [t.tenantId, t.dataSourceId],
      foreignColumns: [dataSources.tenantId, dataSources.id],
    }),
    uniqueIndex('incidents_tenant_number_key').on(t.tenantId, t.number),
    check('incidents_number_positive', sql`${t.number} > 0`),
    // Grouping looks up the newest open incident of a key.
    index('incidents_group_idx')
      .on(t.tenantId, t.groupKey, t.lastAlertAt.desc())
      .where(sql`${t.status} in ('new', 'assigned', 'in_progress')`),
    // Queue orderings (keyset pagination), per tenant and across an analyst's tenants.
    index('incidents_tenant_last_alert_idx').on(t.tenantId, t.lastAlertAt.desc(), t.id.desc()),
    index('incidents_last_alert_idx').on(t.lastAlertAt.desc(), t.id.desc()),
    index('incidents_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('incidents_tenant_status_idx').on(t.tenantId, t.status, t.lastAlertAt.desc()),
    index('incidents_assignee_idx').on(t.assigneeUserId),
    index('incidents_search_idx').using('gin', t.search),
    tenantPolicy('incidents'),
  ],
);

/** Per-tenant incident settings: the number counter and the grouping rule. */
export const tenantIncidentSettings = pgTable(
  'tenant_incident_settings',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    lastIncidentNumber: integer('last_incident_number').notNull().default(0),
    /** Alert fields that must match to group: any of `rule`, `host`, `source`, `user`, `title`. Empty = never group. */
    groupingFields: text('grouping_fields').array().notNull().default(sql`'{rule,host}'::text[]`),
    groupingWindowMinutes: integer('grouping_window_minutes').notNull().default(60),
    /**
     * Per data source overrides of the rule above, keyed by data source id (GroupingRule each). A
     * source without an entry uses the tenant-wide rule; an entry of a deleted source is ignored.
     */
    groupingSourceRules: jsonb('grouping_source_rules')
      .$type<Record<string, { fields: string[]; windowMinutes: number }>>()
      .notNull()
      .default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    check('tenant_incident_settings_window', sql`${t.groupingWindowMinutes} between 1 and 10080`),
    check(
      'tenant_incident_settings_fields',
      sql`${t.groupingFields} <@ '{rule,host,source,user,title}'::text[]`,
    ),
    tenantPolicy('tenant_incident_settings'),
  ],
);

/**
 * Incidents of one tenant sharing artifacts, stored both ways (a → b and b → a) so either side's
 * page reads one index. `shared_artifact_ids` names the artifacts they share.
 */
export const incidentRelations = pgTable(
  'incident_relations',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    incidentId: uuid('incident_id').notNull(),
    relatedIncidentId: uuid('related_incident_id').notNull(),
    sharedArtifactIds: uuid('shared_artifact_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.incidentId, t.relatedIncidentId] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.relatedIncidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    check('incident_relations_not_self', sql`${t.incidentId} <> ${t.relatedIncidentId}`),
    tenantPolicy('incident_relations'),
  ],
);

export type Incident = typeof incidents.$inferSelect;
export type IncidentStatus = (typeof incidentStatus.enumValues)[number];
export type IncidentPriority = (typeof incidentPriority.enumValues)[number];
export type Severity = (typeof severityLevel.enumValues)[number];
export type TenantIncidentSettings = typeof tenantIncidentSettings.$inferSelect;
