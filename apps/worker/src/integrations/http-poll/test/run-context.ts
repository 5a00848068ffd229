import pino from 'pino';
import type { ResolvedSecret, RunContext } from '../../../daemons/connector';

/** A polling connector's context as the daemon framework builds it, for connector tests. */
export function runContext<Config, Cursor>(input: {
  config: Config;
  /** NoInfer: the cursor type comes from the connector the context is passed to. */
  cursor: NoInfer<Cursor> | null;
  secrets?: Record<string, ResolvedSecret>;
  maxItems?: number;
  lookBackFrom?: Date;
  now?: Date;
  signal?: AbortSignal;
}): RunContext<Config, Cursor> {
  const now = input.now ?? new Date();
  return {
    tenantId: '00000000-0000-4000-8000-000000000001',
    daemonId: '00000000-0000-4000-8000-000000000002',
    daemonName: 'test daemon',
    config: input.config,
    secrets: input.secrets ?? {},
    signal: input.signal ?? new AbortController().signal,
    log: pino({ level: 'silent' }),
    cursor: input.cursor,
    rules: {
      maxItems: input.maxItems ?? 1000,
      lookBackFrom: input.lookBackFrom ?? new Date(now.getTime() - 24 * 3600_000),
    },
    now,
  };
}
