import { recordAudit } from '@palisade/db/audit';
import { deleteMsspContact } from '@palisade/db/queries/contacts/save-contact';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { assertMsspAdmin } from './mssp-contact-access';
import { RemoveContactInput } from './remove.schema';

/** Deletes an MSSP contact (MSSP admins only); audited in the page's tenant. */
export const removeMssp = staffTenantProcedure.input(RemoveContactInput).mutation(async ({ ctx, input }) => {
  assertMsspAdmin(ctx.actor);
  const gone = await deleteMsspContact(ctx.tx, input.contactId);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'mssp_contact.deleted',
    target: `mssp_contact:${gone.id}`,
    before: { kind: gone.kind, name: gone.name, email: gone.email },
  });
  return { id: gone.id };
});
