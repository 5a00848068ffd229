import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { anyScopePolicy } from './global-policy';
import { severityLevel } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/**
 * primary: the one person tier 1 notices go to; escalation: called in `position` order when an SLA
 * lapses; report_recipient: gets the periodic and incident reports.
 */
export const contactKind = pgEnum('contact_kind', ['primary', 'escalation', 'report_recipient']);
/** MSSP-side contacts; soc_management is who hears about unassigned critical incidents and breaches. */
export const msspContactKind = pgEnum('mssp_contact_kind', ['soc_management']);

const contactColumns = () => ({
  id: uuid('id').notNull().defaultRandom(),
  name: text('name').notNull(),
  /** Stored lower-case so the uniqueness per kind is case-insensitive. */
  email: text('email').notNull(),
  phone: text('phone'),
  /** Order within the kind (escalation step 1, 2, …); lower comes first. */
  position: integer('position').notNull().default(0),
  notes: text('notes').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A client company's people the SOC notifies. */
export const tenantContacts = pgTable(
  'tenant_contacts',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    kind: contactKind('kind').notNull(),
    ...contactColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('tenant_contacts_kind_email_key').on(t.tenantId, t.kind, t.email),
    // Tier 1 notices name one recipient: a second primary would make the choice arbitrary.
    uniqueIndex('tenant_contacts_one_primary').on(t.tenantId).where(sql`${t.kind} = 'primary'`),
    check('tenant_contacts_email_lower', sql`${t.email} = lower(${t.email})`),
    tenantPolicy('tenant_contacts'),
  ],
);

/** The MSSP's own contacts (SOC management). Readable from any scope; MSSP admins write them. */
export const msspContacts = pgTable(
  'mssp_contacts',
  { kind: msspContactKind('kind').notNull(), ...contactColumns() },
  (t) => [
    primaryKey({ columns: [t.id] }),
    uniqueIndex('mssp_contacts_kind_email_key').on(t.kind, t.email),
    check('mssp_contacts_email_lower', sql`${t.email} = lower(${t.email})`),
    anyScopePolicy('mssp_contacts'),
  ],
);

/**
 * When a tenant's primary contact gets a tier 1 notice: the incident's severity is one of `severities`
 * or one of its artifacts has a type in `artifactTypes`. No row means the defaults below.
 */
export const tier1Rules = pgTable(
  'tier1_rules',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    enabled: boolean('enabled').notNull().default(true),
    severities: severityLevel('severities')
      .array()
      .notNull()
      .default(sql`'{critical,high}'::severity_level[]`),
    /** `IocType` values of @palisade/ioc (ip, domain, url, sha256, …). */
    artifactTypes: text('artifact_types').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    tenantPolicy('tier1_rules'),
  ],
);

export type TenantContact = typeof tenantContacts.$inferSelect;
export type MsspContact = typeof msspContacts.$inferSelect;
export type Tier1Rule = typeof tier1Rules.$inferSelect;
export type ContactKind = (typeof contactKind.enumValues)[number];
export type MsspContactKind = (typeof msspContactKind.enumValues)[number];
