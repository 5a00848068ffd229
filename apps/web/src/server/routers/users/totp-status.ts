import { totpStatus as status } from '@/server/auth/totp';
import { staffProcedure } from '@/server/trpc/procedures';

/** Whether the signed-in staff user has a second factor (enabled, or waiting for its first code). */
export const totpStatus = staffProcedure.query(({ ctx }) => status(ctx.actor.userId));
