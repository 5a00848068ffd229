import type { OnboardingStepId } from '@palisade/db/queries/onboarding/onboarding-steps';

/**
 * Where each onboarding step's settings live after onboarding (the same procedures the wizard uses),
 * opened filtered on the tenant. Steps edited on the tenant page itself point at its sections.
 */
export const settingsHref = (step: OnboardingStepId, tenantId: string): string =>
  ({
    company: `/console/tenants/${tenantId}#company`,
    sla: `/console/settings/sla?tenant=${tenantId}`,
    contacts: `/console/settings/contacts?tenant=${tenantId}`,
    branding: `/console/settings/branding?tenant=${tenantId}`,
    lists: `/console/settings/lists?tenant=${tenantId}`,
    data_sources: `/console/settings/data-sources?tenant=${tenantId}`,
    daemons: `/console/daemons?tenant=${tenantId}`,
    playbooks: `/console/playbooks?tenant=${tenantId}`,
    users: `/console/tenants/${tenantId}#users`,
  })[step];
