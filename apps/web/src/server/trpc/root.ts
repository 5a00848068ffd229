import { attackRulesRouter } from '@/server/routers/attack-rules/router';
import { auditRouter } from '@/server/routers/audit/router';
import { brandingRouter } from '@/server/routers/branding/router';
import { campaignRouter } from '@/server/routers/campaign/router';
import { contactsRouter } from '@/server/routers/contacts/router';
import { daemonsRouter } from '@/server/routers/daemons/router';
import { dataSourceRouter } from '@/server/routers/data-source/router';
import { enrichmentRouter } from '@/server/routers/enrichment/router';
import { groupingRouter } from '@/server/routers/grouping/router';
import { incidentRouter } from '@/server/routers/incident/router';
import { integrationsRouter } from '@/server/routers/integrations/router';
import { kpisRouter } from '@/server/routers/kpis/router';
import { listsRouter } from '@/server/routers/lists/router';
import { meRouter } from '@/server/routers/me/router';
import { notificationsRouter } from '@/server/routers/notifications/router';
import { offboardingRouter } from '@/server/routers/offboarding/router';
import { onboardingRouter } from '@/server/routers/onboarding/router';
import { overviewRouter } from '@/server/routers/overview/router';
import { playbookRouter } from '@/server/routers/playbook/router';
import { playbookTemplateRouter } from '@/server/routers/playbook-template/router';
import { reportsRouter } from '@/server/routers/reports/router';
import { slaRouter } from '@/server/routers/sla/router';
import { tenantRouter } from '@/server/routers/tenant/router';
import { usersRouter } from '@/server/routers/users/router';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  me: meRouter,
  tenant: tenantRouter,
  users: usersRouter,
  onboarding: onboardingRouter,
  offboarding: offboardingRouter,
  audit: auditRouter,
  dataSource: dataSourceRouter,
  incident: incidentRouter,
  campaign: campaignRouter,
  lists: listsRouter,
  integrations: integrationsRouter,
  kpis: kpisRouter,
  overview: overviewRouter,
  enrichment: enrichmentRouter,
  attackRules: attackRulesRouter,
  playbook: playbookRouter,
  playbookTemplate: playbookTemplateRouter,
  grouping: groupingRouter,
  notifications: notificationsRouter,
  contacts: contactsRouter,
  sla: slaRouter,
  reports: reportsRouter,
  branding: brandingRouter,
  daemons: daemonsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
