import { createTRPCRouter } from '@/server/trpc/init';
import { get } from './get';

export const meRouter = createTRPCRouter({ get });
