import { listMsspContacts, listTenantContacts } from '@palisade/db/queries/contacts/list-contacts';
import { getTier1Rule } from '@palisade/db/queries/contacts/tier1-rule';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** The tenant's contacts (by kind, escalation order), its tier 1 rule and the MSSP's own contacts. */
export const list = staffTenantProcedure.query(async ({ ctx }) => ({
  contacts: await listTenantContacts(ctx.tx, ctx.tenantId),
  tier1Rule: await getTier1Rule(ctx.tx, ctx.tenantId),
  msspContacts: await listMsspContacts(ctx.tx),
}));
