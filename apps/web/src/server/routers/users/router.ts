import { createTRPCRouter } from '@/server/trpc/init';
import { assignAnalyst } from './assign-analyst';
import { invite } from './invite';
import { list } from './list';
import { resetPassword } from './reset-password';
import { revokeInvitation } from './revoke-invitation';
import { setActive } from './set-active';
import { setRole } from './set-role';
import { totpBegin } from './totp-begin';
import { totpConfirm } from './totp-confirm';
import { totpDisable } from './totp-disable';
import { totpStatus } from './totp-status';
import { unassignAnalyst } from './unassign-analyst';

export const usersRouter = createTRPCRouter({
  list,
  invite,
  revokeInvitation,
  setActive,
  setRole,
  resetPassword,
  assignAnalyst,
  unassignAnalyst,
  totpStatus,
  totpBegin,
  totpConfirm,
  totpDisable,
});
