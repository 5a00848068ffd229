import { sql } from 'drizzle-orm';
import { check, foreignKey, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

export const attackRuleField = pgEnum('attack_rule_field', ['rule_name', 'source']);

/** A tenant's own "this detection means that technique": glob on the alert's rule name or source. */
export const attackMappingRules = pgTable(
  'attack_mapping_rules',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    field: attackRuleField('field').notNull(),
    pattern: text('pattern').notNull(),
    techniqueId: text('technique_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    check('attack_mapping_rules_technique_id', sql`${t.techniqueId} ~ '^T[0-9]{4}(\\.[0-9]{3})?$'`),
    tenantPolicy('attack_mapping_rules'),
  ],
);

export type AttackMappingRule = typeof attackMappingRules.$inferSelect;
