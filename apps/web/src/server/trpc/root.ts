import { auditRouter } from '@/server/routers/audit/router';
import { meRouter } from '@/server/routers/me/router';
import { tenantRouter } from '@/server/routers/tenant/router';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  me: meRouter,
  tenant: tenantRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
