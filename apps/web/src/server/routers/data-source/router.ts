import { createTRPCRouter } from '@/server/trpc/init';
import { create } from './create';
import { createKey } from './create-key';
import { list } from './list';
import { revoke } from './revoke';
import { setCloseAlert } from './set-close-alert';

export const dataSourceRouter = createTRPCRouter({ list, create, createKey, revoke, setCloseAlert });
