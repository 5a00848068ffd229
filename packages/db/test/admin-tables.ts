/** The admin tenant tables, each covered by admin-isolation.int.test.ts. */
export const ADMIN_TABLES = ['invitations', 'tenant_onboarding'] as const;
