/** The notification tenant tables (contacts, tier 1 rules), each covered by notifications-isolation.int.test.ts. */
export const NOTIFICATION_TABLES = ['tenant_contacts', 'tier1_rules'] as const;
