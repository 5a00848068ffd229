import type { Tx } from '@palisade/db/client';
import type { RunEvent } from '@palisade/playbook/run-event';
import { advanceRun } from '@palisade/worker/playbooks/advance-run';
import type { Logger } from 'pino';
import { PlaybookNotFoundError, PlaybookRunRefusedError } from './playbook-errors';
import { playbookExecutor } from './playbook-executor';

/** Folds a console action into the run under its row lock; a refusal is a CONFLICT with the engine's reason. */
export async function sendRunEvent(tx: Tx, log: Logger, tenantId: string, runId: string, event: RunEvent) {
  const result = await advanceRun(tx, playbookExecutor(log), tenantId, runId, event);
  if (!result.found) throw new PlaybookNotFoundError('run not found');
  if (!result.accepted) throw new PlaybookRunRefusedError(result.reason ?? 'refused');
  return { runId, status: result.status };
}
