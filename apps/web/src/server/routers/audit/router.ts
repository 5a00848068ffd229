import { createTRPCRouter } from '@/server/trpc/init';
import { list } from './list';
import { search } from './search';

export const auditRouter = createTRPCRouter({ list, search });
