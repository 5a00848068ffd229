/** The daemon tenant tables, each covered by daemons-isolation.int.test.ts. */
export const DAEMON_TABLES = [
  'daemon_cursor_history',
  'daemon_cursors',
  'daemon_outputs',
  'daemon_runs',
  'daemons',
] as const;
