import type { Tx } from '@palisade/db/client';
import type { Logger } from 'pino';
import type { AnyActionImpl } from './action-impl';
import { buildActionTable } from './action-table';
import { ExecutorConfig, type ExecutorConfigInput } from './executor-config';

/** What every executor function needs besides the transaction. */
export type Executor = {
  config: ExecutorConfig;
  actions: ReadonlyMap<string, AnyActionImpl>;
  log: Logger;
  now(): number;
};

export function createExecutor(log: Logger, config: ExecutorConfigInput = {}): Executor {
  const parsed = ExecutorConfig.parse(config);
  return { config: parsed, actions: buildActionTable(parsed), log, now: Date.now };
}

export type { Tx };
