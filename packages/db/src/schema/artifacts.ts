import { sql } from 'drizzle-orm';
import {
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
import { alerts } from './alerts';
import { incidents } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/** Where an artifact was found in one alert: a JSON path (or a standard field) and offsets in it. */
export type ArtifactLocation = { field: string; start?: number; end?: number };

/**
 * An observable (IOC, host, user) of a tenant, unique by type + normalized value.
 * `alert_count` counts distinct alerts it was found in.
 */
export const artifacts = pgTable(
  'artifacts',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    /** An @palisade/ioc IocType, or `host` / `user` from the standard alert fields. */
    type: text('type').notNull(),
    value: text('value').notNull(),
    /** IP labels from @palisade/ioc (private, documentation, ...). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    alertCount: integer('alert_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('artifacts_tenant_type_value_key').on(t.tenantId, t.type, t.value),
    // The staff campaign view groups by value across the tenants of the scope.
    index('artifacts_type_value_idx').on(t.type, t.value),
    index('artifacts_tenant_last_seen_idx').on(t.tenantId, t.lastSeenAt.desc()),
    tenantPolicy('artifacts'),
  ],
);

/** Alert ↔ artifact, with where in the alert the artifact was found. */
export const alertArtifacts = pgTable(
  'alert_artifacts',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    alertId: uuid('alert_id').notNull(),
    artifactId: uuid('artifact_id').notNull(),
    locations: jsonb('locations').$type<ArtifactLocation[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.alertId, t.artifactId] }),
    foreignKey({ columns: [t.tenantId, t.alertId], foreignColumns: [alerts.tenantId, alerts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.tenantId, t.artifactId],
      foreignColumns: [artifacts.tenantId, artifacts.id],
    }).onDelete('cascade'),
    index('alert_artifacts_artifact_idx').on(t.tenantId, t.artifactId),
    tenantPolicy('alert_artifacts'),
  ],
);

/** Incident ↔ artifact (the union over its alerts): what correlation and the incident page read. */
export const incidentArtifacts = pgTable(
  'incident_artifacts',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    incidentId: uuid('incident_id').notNull(),
    artifactId: uuid('artifact_id').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.incidentId, t.artifactId] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.artifactId],
      foreignColumns: [artifacts.tenantId, artifacts.id],
    }).onDelete('cascade'),
    // Correlation reads the most recent incidents of an artifact.
    index('incident_artifacts_artifact_idx').on(t.tenantId, t.artifactId, t.firstSeenAt.desc()),
    tenantPolicy('incident_artifacts'),
  ],
);

export type Artifact = typeof artifacts.$inferSelect;
