import { createTRPCRouter } from '@/server/trpc/init';
import { list } from './list';

export const campaignRouter = createTRPCRouter({ list });
