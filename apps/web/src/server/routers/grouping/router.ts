import { createTRPCRouter } from '@/server/trpc/init';
import { get } from './get';
import { preview } from './preview';
import { save } from './save';

/** Per tenant: how alerts group into incidents (tenant-wide rule, per data source overrides). */
export const groupingRouter = createTRPCRouter({ get, save, preview });
