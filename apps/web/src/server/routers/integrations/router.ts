import { createTRPCRouter } from '@/server/trpc/init';
import { clearCredential } from './clear-credential';
import { list } from './list';
import { setCredential } from './set-credential';
import { testConnection } from './test-connection';

export const integrationsRouter = createTRPCRouter({ list, setCredential, clearCredential, testConnection });
