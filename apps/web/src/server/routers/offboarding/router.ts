import { createTRPCRouter } from '@/server/trpc/init';
import { remove } from './delete';
import { preview } from './preview';
import { setStatus } from './set-status';

export const offboardingRouter = createTRPCRouter({ setStatus, preview, delete: remove });
