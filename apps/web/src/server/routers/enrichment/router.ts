import { createTRPCRouter } from '@/server/trpc/init';
import { incident } from './incident';

export const enrichmentRouter = createTRPCRouter({ incident });
