import { sql } from 'drizzle-orm';
import {
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
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
/** `resend`: handed to Resend; `outbox`: no provider configured, the console's outbox is the mailbox. */
export const outboxDeliveredVia = pgEnum('outbox_delivered_via', ['resend', 'outbox']);

/**
 * Every outbound email. Producers queue `pending` rows through `queueEmail`, keyed by an idempotency key
 * (a retried producer adds nothing); the `deliver-email` job sends them and records each attempt.
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
    /** What produced it (`playbook`, `tier1`, `sla-breach`, `report`, …): filters and counts. */
    kind: text('kind').notNull().default('playbook'),
    status: outboxStatus('status').notNull().default('pending'),
    /** The last failed attempt's reason; cleared when a later attempt succeeds. */
    error: text('error'),
    /** Delivery attempts made so far (failed and successful). */
    attempts: integer('attempts').notNull().default(0),
    deliveredVia: outboxDeliveredVia('delivered_via'),
    /** The provider's id for the message (Resend's email id). */
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('outbox_tenant_key').on(t.tenantId, t.idempotencyKey),
    index('outbox_pending_idx').on(t.tenantId, t.createdAt).where(sql`${t.status} = 'pending'`),
    index('outbox_tenant_created_idx').on(t.tenantId, t.createdAt),
    tenantPolicy('outbox'),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
