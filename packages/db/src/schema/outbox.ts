import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/**
 * Email waiting for delivery. Producers (playbooks, notices) insert `pending` rows keyed by an
 * idempotency key, so a retried producer adds nothing; a delivery job sends and marks them.
 */
export const outbox = pgTable(
  'outbox',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    incidentId: uuid('incident_id'),
    status: outboxStatus('status').notNull().default('pending'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('outbox_tenant_key').on(t.tenantId, t.idempotencyKey),
    index('outbox_pending_idx').on(t.tenantId, t.createdAt).where(sql`${t.status} = 'pending'`),
    tenantPolicy('outbox'),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
