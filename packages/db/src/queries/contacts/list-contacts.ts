import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../database';
import {
  type ContactKind,
  type MsspContact,
  type MsspContactKind,
  msspContacts,
  type TenantContact,
  tenantContacts,
} from '../../schema/index';

/** A tenant's contacts, by kind then position (escalation order), optionally only some kinds. */
export async function listTenantContacts(
  tx: Tx,
  tenantId: string,
  kinds?: readonly ContactKind[],
): Promise<TenantContact[]> {
  return tx
    .select()
    .from(tenantContacts)
    .where(
      and(
        eq(tenantContacts.tenantId, tenantId),
        ...(kinds ? [inArray(tenantContacts.kind, [...kinds])] : []),
      ),
    )
    .orderBy(asc(tenantContacts.kind), asc(tenantContacts.position), asc(tenantContacts.name));
}

/** The MSSP's own contacts (e.g. SOC management), in position order. Needs a non-empty scope. */
export async function listMsspContacts(tx: Tx, kind?: MsspContactKind): Promise<MsspContact[]> {
  return tx
    .select()
    .from(msspContacts)
    .where(kind ? eq(msspContacts.kind, kind) : undefined)
    .orderBy(asc(msspContacts.kind), asc(msspContacts.position), asc(msspContacts.name));
}
