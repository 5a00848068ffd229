import { listOpenInvitations, listTenantUsers } from '@palisade/db/queries/users/list-tenant-users';
import { userReaderProcedure } from './user-manager-procedure';

/** The tenant's users with their roles, and the invitations still open. */
export const list = userReaderProcedure.query(async ({ ctx }) => ({
  users: await listTenantUsers(ctx.tx, ctx.tenantId),
  invitations: await listOpenInvitations(ctx.tx, ctx.tenantId),
}));
