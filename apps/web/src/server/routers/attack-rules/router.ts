import { createTRPCRouter } from '@/server/trpc/init';
import { create } from './create';
import { list } from './list';
import { remove } from './remove';

export const attackRulesRouter = createTRPCRouter({ list, create, remove });
