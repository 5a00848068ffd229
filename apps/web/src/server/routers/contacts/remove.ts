import { recordAudit } from '@palisade/db/audit';
import { deleteTenantContact } from '@palisade/db/queries/contacts/save-contact';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { RemoveContactInput } from './remove.schema';

/** Deletes a tenant contact (NOT_FOUND for another tenant's id: RLS hides it). */
export const remove = staffTenantProcedure.input(RemoveContactInput).mutation(async ({ ctx, input }) => {
  const gone = await deleteTenantContact(ctx.tx, ctx.tenantId, input.contactId);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'contact.deleted',
    target: `contact:${gone.id}`,
    before: { kind: gone.kind, name: gone.name, email: gone.email },
  });
  return { id: gone.id };
});
