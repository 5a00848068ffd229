import { TRPCError } from '@trpc/server';
import { startTotpEnrolment } from '@/server/auth/totp';
import { staffProcedure } from '@/server/trpc/procedures';

/** Starts TOTP enrolment for the signed-in staff user: a QR code to scan, enabled by `totpConfirm`. */
export const totpBegin = staffProcedure.mutation(async ({ ctx }) => {
  const enrolment = await startTotpEnrolment(ctx.actor.userId, ctx.actor.email);
  if (!enrolment)
    throw new TRPCError({ code: 'CONFLICT', message: 'TOTP is already enabled; disable it first' });
  return enrolment;
});
