/** The SLA tenant tables, each covered by sla-isolation.int.test.ts. */
export const SLA_TABLES = [
  'sla_calendars',
  'sla_holidays',
  'sla_policies',
  'sla_timer_firings',
  'sla_timers',
] as const;
