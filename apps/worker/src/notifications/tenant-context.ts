import type { Tx } from '@palisade/db/client';
import { listTenantContacts } from '@palisade/db/queries/contacts/list-contacts';
import { tenants } from '@palisade/db/schema';
import { eq } from 'drizzle-orm';

/**
 * The `tenant` a playbook's expressions read: id, names and its contacts from `tenant_contacts`
 * (by kind, escalation order first to last). `primary` is kept as a flag so filters like
 * `tenant.contacts[primary = true]` work. Plain JSON: it is stored in the run state.
 */
export async function tenantContext(tx: Tx, tenantId: string) {
  const [tenant] = await tx
    .select({
      name: tenants.name,
      brandName: tenants.brandName,
      aliases: tenants.aliases,
      timezone: tenants.timezone,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const contacts = await listTenantContacts(tx, tenantId);
  return {
    id: tenantId,
    name: tenant?.name ?? null,
    brand_name: tenant?.brandName ?? null,
    aliases: tenant?.aliases ?? [],
    timezone: tenant?.timezone ?? 'UTC',
    contacts: contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      primary: c.kind === 'primary',
      name: c.name,
      email: c.email,
      phone: c.phone,
      position: c.position,
    })),
  };
}
