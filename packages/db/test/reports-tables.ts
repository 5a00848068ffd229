/** The report and branding tenant tables, each covered by reports-isolation.int.test.ts. */
export const REPORTS_TABLES = [
  'incident_report_narratives',
  'report_chunks',
  'report_schedules',
  'reports',
  'tenant_branding',
] as const;
