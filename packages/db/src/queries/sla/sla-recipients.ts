import { eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type SlaRecipient, users } from '../../schema/index';
import { listMsspContacts, listTenantContacts } from '../contacts/list-contacts';
import type { SlaEvent } from './timer-schedule';

/** Warnings and breaches go to whoever owns the incident, or SOC management while nobody does. */
export function noticeRecipients(event: SlaEvent, assigneeUserId: string | null): SlaRecipient[] {
  if (event.kind === 'escalation') return event.notify;
  return assigneeUserId ? ['assignee'] : ['soc_management'];
}

export type SlaRecipientAddress = { name: string; email: string; audience: 'mssp' | 'client' };

/**
 * Addresses for an SLA notice, de-duplicated, in the order asked: SOC management (MSSP contacts),
 * the assignee, the tenant's contacts of a kind (primary, escalation in their position order).
 */
export async function resolveSlaRecipients(
  tx: Tx,
  tenantId: string,
  assigneeUserId: string | null,
  notify: readonly SlaRecipient[],
): Promise<SlaRecipientAddress[]> {
  const out: SlaRecipientAddress[] = [];
  for (const who of notify) {
    if (who === 'soc_management') {
      for (const c of await listMsspContacts(tx, 'soc_management')) {
        out.push({ name: c.name, email: c.email, audience: 'mssp' });
      }
    } else if (who === 'assignee') {
      if (!assigneeUserId) continue;
      const [u] = await tx
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, assigneeUserId));
      if (u) out.push({ name: u.name, email: u.email, audience: 'mssp' });
    } else {
      for (const c of await listTenantContacts(tx, tenantId, [who])) {
        out.push({ name: c.name, email: c.email, audience: 'client' });
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
