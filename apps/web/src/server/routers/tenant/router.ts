import { createTRPCRouter } from '@/server/trpc/init';
import { get } from './get';
import { list } from './list';

export const tenantRouter = createTRPCRouter({ list, get });
