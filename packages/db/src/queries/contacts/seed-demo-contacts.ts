import type { Db } from '../../database';
import { msspContacts, tenantContacts } from '../../schema/index';
import { withTenantOn } from '../../with-tenant';

/**
 * Demo contacts: per tenant a primary contact, two escalation steps and a report recipient (addresses
 * under the tenant's slug at .example); MSSP-wide, one SOC management contact. Idempotent: existing
 * rows (same kind and email) are left alone, so a tenant's edits survive a restart.
 */
export async function seedDemoContacts(
  db: Db,
  tenants: readonly { id: string; slug: string; name: string }[],
): Promise<{ created: number }> {
  let created = 0;
  for (const t of tenants) {
    const at = (local: string) => `${local}@${t.slug}.example`;
    const rows = await withTenantOn(db, t.id, (tx) =>
      tx
        .insert(tenantContacts)
        .values([
          { tenantId: t.id, kind: 'primary', name: `${t.name} IT lead`, email: at('it-lead'), position: 0 },
          {
            tenantId: t.id,
            kind: 'escalation',
            name: 'Security manager',
            email: at('security'),
            position: 1,
          },
          { tenantId: t.id, kind: 'escalation', name: 'CISO', email: at('ciso'), position: 2 },
          {
            tenantId: t.id,
            kind: 'report_recipient',
            name: 'Compliance',
            email: at('compliance'),
            position: 0,
          },
        ])
        .onConflictDoNothing()
        .returning({ id: tenantContacts.id }),
    );
    created += rows.length;
  }
  const [first] = tenants;
  if (first) {
    const rows = await withTenantOn(db, first.id, (tx) =>
      tx
        .insert(msspContacts)
        .values({
          kind: 'soc_management',
          name: 'SOC duty manager',
          email: 'soc-manager@palisade-mssp.example',
        })
        .onConflictDoNothing()
        .returning({ id: msspContacts.id }),
    );
    created += rows.length;
  }
  return { created };
}
