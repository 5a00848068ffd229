import type { Tx } from '@palisade/db/database';
import { listMsspContacts, listTenantContacts } from '@palisade/db/queries/contacts/list-contacts';
import { z } from 'zod';

/** Who an internal analysis mails: the MSSP's SOC management, the client's escalation contacts, fixed addresses. */
export const Recipients = z
  .object({
    socManagement: z.boolean().default(true),
    tenantEscalation: z.boolean().default(false),
    emails: z.array(z.email()).max(50).default([]),
  })
  .strict();
export type Recipients = z.infer<typeof Recipients>;

export const DEFAULT_RECIPIENTS: Recipients = { socManagement: true, tenantEscalation: false, emails: [] };

export async function resolveRecipients(tx: Tx, tenantId: string, r: Recipients): Promise<string[]> {
  const out = new Set(r.emails.map((e) => e.toLowerCase()));
  if (r.socManagement)
    for (const c of await listMsspContacts(tx, 'soc_management')) if (c.email) out.add(c.email.toLowerCase());
  if (r.tenantEscalation) {
    for (const c of await listTenantContacts(tx, tenantId, ['escalation']))
      if (c.email) out.add(c.email.toLowerCase());
  }
  return [...out];
}
