import { createTRPCRouter } from '@/server/trpc/init';
import { get } from './get';
import { update } from './update';
import { updateMssp } from './update-mssp';

export const brandingRouter = createTRPCRouter({ get, update, updateMssp });
