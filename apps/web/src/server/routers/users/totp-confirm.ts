import { TRPCError } from '@trpc/server';
import { confirmTotpEnrolment } from '@/server/auth/totp';
import { staffProcedure } from '@/server/trpc/procedures';
import { TotpCodeInput } from './totp.schema';

/** Enables the pending TOTP secret once a code from the authenticator app matches it. */
export const totpConfirm = staffProcedure.input(TotpCodeInput).mutation(async ({ ctx, input }) => {
  if (!(await confirmTotpEnrolment(ctx.actor.userId, input.code))) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'the code does not match; check the time on your device',
    });
  }
  ctx.log.info({ user_id: ctx.actor.userId }, 'totp enabled');
  return { enabled: true };
});
