import { createTRPCRouter } from '@/server/trpc/init';
import { get } from './get';
import { list } from './list';
import { retry } from './retry';

export const notificationsRouter = createTRPCRouter({ list, get, retry });
