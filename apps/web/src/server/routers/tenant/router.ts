import { createTRPCRouter } from '@/server/trpc/init';
import { create } from './create';
import { get } from './get';
import { list } from './list';
import { update } from './update';

export const tenantRouter = createTRPCRouter({ list, get, create, update });
