import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { artifacts } from './artifacts';
import { incidents } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';

/**
 * The latest judgement of one of the tenant's artifacts: every provider's outcome (with evidence and
 * link), the tenant's list matches and the combined verdict. Tenant data, unlike reputation_cache.
 */
export const artifactEnrichments = pgTable(
  'artifact_enrichments',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    artifactId: uuid('artifact_id').notNull(),
    verdict: text('verdict').notNull(),
    score: integer('score').notNull(),
    /** ProviderOutcome[] of the worker's enrichArtifact. */
    outcomes: jsonb('outcomes').notNull(),
    /** ListEffect plus the matched entry ids. */
    lists: jsonb('lists').notNull(),
    enrichedAt: timestamp('enriched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.artifactId] }),
    foreignKey({
      columns: [t.tenantId, t.artifactId],
      foreignColumns: [artifacts.tenantId, artifacts.id],
    }).onDelete('cascade'),
    check(
      'artifact_enrichments_verdict',
      sql`${t.verdict} in ('malicious', 'suspicious', 'benign', 'unknown')`,
    ),
    tenantPolicy('artifact_enrichments'),
  ],
);

/**
 * What the analyst sees first on an incident: the summary (worst verdict per artifact, counts, the
 * rules that raised or lowered priority) and the ATT&CK techniques. `priority_delta` is the list
 * adjustment already applied, so a re-enrichment applies only the difference.
 */
export const incidentEnrichments = pgTable(
  'incident_enrichments',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    incidentId: uuid('incident_id').notNull(),
    summary: jsonb('summary').notNull(),
    techniques: jsonb('techniques').notNull(),
    priorityDelta: integer('priority_delta').notNull().default(0),
    enrichedAt: timestamp('enriched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.incidentId] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    tenantPolicy('incident_enrichments'),
  ],
);

export type ArtifactEnrichmentRow = typeof artifactEnrichments.$inferSelect;
export type IncidentEnrichmentRow = typeof incidentEnrichments.$inferSelect;
