import { TRPCError } from '@trpc/server';
import { removeTotp } from '@/server/auth/totp';
import { staffProcedure } from '@/server/trpc/procedures';
import { TotpCodeInput } from './totp.schema';

/** Turns the second factor off; a current code is required. */
export const totpDisable = staffProcedure.input(TotpCodeInput).mutation(async ({ ctx, input }) => {
  if (!(await removeTotp(ctx.actor.userId, input.code))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'the code does not match' });
  }
  ctx.log.info({ user_id: ctx.actor.userId }, 'totp disabled');
  return { enabled: false };
});
