import { attackRulesRouter } from '@/server/routers/attack-rules/router';
import { auditRouter } from '@/server/routers/audit/router';
import { campaignRouter } from '@/server/routers/campaign/router';
import { dataSourceRouter } from '@/server/routers/data-source/router';
import { enrichmentRouter } from '@/server/routers/enrichment/router';
import { incidentRouter } from '@/server/routers/incident/router';
import { integrationsRouter } from '@/server/routers/integrations/router';
import { listsRouter } from '@/server/routers/lists/router';
import { meRouter } from '@/server/routers/me/router';
import { playbookRouter } from '@/server/routers/playbook/router';
import { tenantRouter } from '@/server/routers/tenant/router';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  me: meRouter,
  tenant: tenantRouter,
  audit: auditRouter,
  dataSource: dataSourceRouter,
  incident: incidentRouter,
  campaign: campaignRouter,
  lists: listsRouter,
  integrations: integrationsRouter,
  enrichment: enrichmentRouter,
  attackRules: attackRulesRouter,
  playbook: playbookRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
