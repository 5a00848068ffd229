import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { incidents } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { users } from './users';

/**
 * Timeline kinds: created, alert_added, status_changed, assigned, severity_changed,
 * priority_changed, tag_added, tag_removed, comment_added, related_linked, sla_warning, sla_breached,
 * sla_escalated, source_alert_close (closing the source alert in its SIEM: success or failure in `data`).
 */
export const incidentEventKind = pgEnum('incident_event_kind', [
  'created',
  'alert_added',
  'status_changed',
  'assigned',
  'severity_changed',
  'priority_changed',
  'tag_added',
  'tag_removed',
  'comment_added',
  'related_linked',
  'sla_warning',
  'sla_breached',
  'sla_escalated',
  'source_alert_close',
]);

/** Append-only timeline of an incident: who (null = system) did what, when. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    incidentId: uuid('incident_id').notNull(),
    kind: incidentEventKind('kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** Shown in the client portal (status changes, shared comments); internal otherwise. */
    clientVisible: boolean('client_visible').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.actorUserId], foreignColumns: [users.id] }).onDelete('set null'),
    index('incident_events_incident_idx').on(t.tenantId, t.incidentId, t.at),
    tenantPolicy('incident_events'),
  ],
);

export const commentVisibility = pgEnum('comment_visibility', ['internal', 'shared']);

/** Analyst notes; `shared` ones are shown to the client. Append-only. */
export const incidentComments = pgTable(
  'incident_comments',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    incidentId: uuid('incident_id').notNull(),
    authorUserId: uuid('author_user_id'),
    body: text('body').notNull(),
    visibility: commentVisibility('visibility').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.authorUserId], foreignColumns: [users.id] }).onDelete('set null'),
    index('incident_comments_incident_idx').on(t.tenantId, t.incidentId, t.createdAt),
    tenantPolicy('incident_comments'),
  ],
);

export type IncidentEvent = typeof incidentEvents.$inferSelect;
export type IncidentEventKind = (typeof incidentEventKind.enumValues)[number];
export type IncidentComment = typeof incidentComments.$inferSelect;
export type CommentVisibility = (typeof commentVisibility.enumValues)[number];
