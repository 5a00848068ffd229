import type { Tx } from '@palisade/db/client';
import { loadIncidentContext } from '@palisade/worker/playbooks/incident-context';
import { startRun } from '@palisade/worker/playbooks/start-run';
import type { Logger } from 'pino';
import { PlaybookInvalidError, PlaybookNotFoundError } from './playbook-errors';
import { playbookExecutor } from './playbook-executor';

/** Starts a manual (or dry) run from the console, with the chosen incident as context. */
export async function startRunFor(
  tx: Tx,
  log: Logger,
  input: {
    tenantId: string;
    playbookId: string;
    inputs: Record<string, unknown>;
    incidentId?: string;
    userId: string;
    dryRun: boolean;
  },
): Promise<{ runId: string }> {
  const context = input.incidentId ? await loadIncidentContext(tx, input.incidentId) : undefined;
  const result = await startRun(tx, playbookExecutor(log), {
    tenantId: input.tenantId,
    playbookId: input.playbookId,
    inputs: input.inputs,
    trigger: 'manual',
    triggeredBy: input.userId,
    dryRun: input.dryRun,
    incidentId: input.incidentId ?? null,
    ...(context ? { context } : {}),
  });
  if (result.ok) return { runId: result.runId };
  if ('notFound' in result) throw new PlaybookNotFoundError('playbook not found');
  throw new PlaybookInvalidError(result.errors.join('; '));
}
