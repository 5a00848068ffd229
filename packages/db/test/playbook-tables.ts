/** The playbook and outbox tenant tables, each covered by playbooks-isolation.int.test.ts. */
export const PLAYBOOK_TABLES = [
  'outbox',
  'playbook_decisions',
  'playbook_effects',
  'playbook_runs',
  'playbook_step_runs',
  'playbook_versions',
  'playbooks',
] as const;
