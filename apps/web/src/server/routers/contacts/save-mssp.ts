import { recordAudit } from '@palisade/db/audit';
import { saveMsspContact } from '@palisade/db/queries/contacts/save-contact';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { contactConflict } from './contact-conflict';
import { assertMsspAdmin } from './mssp-contact-access';
import { SaveMsspContactInput } from './save-mssp.schema';

/**
 * Adds or updates an MSSP contact. The tenant in the input is the page's: the scope the rows are
 * reached from and where the audit entry goes (the audit log is per tenant).
 */
export const saveMssp = staffTenantProcedure.input(SaveMsspContactInput).mutation(async ({ ctx, input }) => {
  assertMsspAdmin(ctx.actor);
  const saved = await saveMsspContact(ctx.tx, input.contact);
  if (!saved.ok) throw contactConflict(saved.conflict);
  const { contact, before } = saved;
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: before ? 'mssp_contact.updated' : 'mssp_contact.created',
    target: `mssp_contact:${contact.id}`,
    before: before && {
      kind: before.kind,
      name: before.name,
      email: before.email,
      position: before.position,
    },
    after: { kind: contact.kind, name: contact.name, email: contact.email, position: contact.position },
  });
  return contact;
});
