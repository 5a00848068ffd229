/** The wizard's steps, in order. `required`: the tenant cannot go live without it. */
export const ONBOARDING_STEPS = [
  { id: 'company', label: 'Company', required: true },
  { id: 'sla', label: 'SLA policy', required: true },
  { id: 'contacts', label: 'Contacts', required: true },
  { id: 'branding', label: 'Branding', required: false },
  { id: 'lists', label: 'Global lists', required: false },
  { id: 'data_sources', label: 'Data sources', required: true },
  { id: 'daemons', label: 'Daemons', required: false },
  { id: 'playbooks', label: 'Playbooks', required: true },
  { id: 'users', label: 'Client users', required: true },
] as const;

export type OnboardingStepId = (typeof ONBOARDING_STEPS)[number]['id'];
export const ONBOARDING_STEP_IDS = ONBOARDING_STEPS.map((s) => s.id) as [
  OnboardingStepId,
  ...OnboardingStepId[],
];
