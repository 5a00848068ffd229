/**
 * The MSSP default set shipped in `playbooks/` (resolve with `@palisade/playbook/playbooks/<file>`).
 * Sections come before the master so each can be validated against the ones it calls.
 */
export const MASTER_PLAYBOOK_ID = 'mssp-master';

export const DEFAULT_PLAYBOOK_FILES = [
  'ioc-extraction.yaml',
  'sla-monitoring.yaml',
  'enrichment-correlation.yaml',
  'tier1-notification.yaml',
  'kpi-tracking.yaml',
  'reporting.yaml',
  'mssp-master.yaml',
] as const;
