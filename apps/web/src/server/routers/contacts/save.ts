import { recordAudit } from '@palisade/db/audit';
import { saveTenantContact } from '@palisade/db/queries/contacts/save-contact';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { contactConflict } from './contact-conflict';
import { SaveContactInput } from './save.schema';

/** Adds a tenant contact, or updates the one with `contact.id`. */
export const save = staffTenantProcedure.input(SaveContactInput).mutation(async ({ ctx, input }) => {
  const saved = await saveTenantContact(ctx.tx, ctx.tenantId, input.contact);
  if (!saved.ok) throw contactConflict(saved.conflict);
  const { contact, before } = saved;
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: before ? 'contact.updated' : 'contact.created',
    target: `contact:${contact.id}`,
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
