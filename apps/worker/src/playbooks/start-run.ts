import type { Tx } from '@palisade/db/client';
import { getPlaybook } from '@palisade/db/queries/playbooks/catalog';
import { findRunByDedupKey, insertRun } from '@palisade/db/queries/playbooks/runs';
import { createRunState } from '@palisade/playbook/create-run';
import type { RunContext } from '@palisade/playbook/run-state';
import { advanceRun } from './advance-run';
import type { Executor } from './executor';
import { loadDefinition } from './load-definition';

export type StartRunInput = {
  tenantId: string;
  playbookId: string;
  /** default: the playbook's current version, pinned for the whole run */
  version?: number;
  inputs?: Record<string, unknown>;
  trigger: 'manual' | 'incident.created' | 'incident.updated' | 'alert.received' | 'schedule';
  triggeredBy?: string | null;
  dryRun?: boolean;
  incidentId?: string | null;
  context?: Omit<RunContext, 'inputs'>;
  /** a trigger's own key (e.g. `incident.created:<incident id>:<playbook id>`): a replay starts nothing */
  dedupKey?: string;
};

export type StartRunResult =
  | { ok: true; runId: string; duplicate: boolean }
  | { ok: false; errors: string[] }
  | { ok: false; notFound: true };

/** Creates the run row and advances it once, in the caller's transaction (jobs commit with it). */
export async function startRun(tx: Tx, ex: Executor, input: StartRunInput): Promise<StartRunResult> {
  const head = await getPlaybook(tx, input.tenantId, input.playbookId);
  if (!head) return { ok: false, notFound: true };
  const version = input.version ?? head.currentVersion;
  if (version < 1 || version > head.currentVersion) return { ok: false, notFound: true };
  const playbook = await loadDefinition(tx, input.tenantId, head.id, version);
  const runId = crypto.randomUUID();
  const created = createRunState({
    playbook,
    runId,
    tenantId: input.tenantId,
    inputs: input.inputs ?? {},
    ...(input.context ? { context: input.context } : {}),
    dryRun: input.dryRun ?? false,
    now: ex.now(),
  });
  if (!created.ok) return { ok: false, errors: created.errors };
  const inserted = await insertRun(tx, {
    tenantId: input.tenantId,
    id: runId,
    playbookId: head.id,
    version,
    trigger: input.trigger,
    triggeredBy: input.triggeredBy ?? null,
    dryRun: input.dryRun ?? false,
    incidentId: input.incidentId ?? null,
    state: created.state,
    ...(input.dedupKey ? { dedupKey: input.dedupKey } : {}),
  });
  if (!inserted) {
    const existing = input.dedupKey ? await findRunByDedupKey(tx, input.tenantId, input.dedupKey) : undefined;
    if (!existing) throw new Error('run insert conflicted without a dedup key');
    return { ok: true, runId: existing.id, duplicate: true };
  }
  await advanceRun(tx, ex, input.tenantId, runId);
  return { ok: true, runId, duplicate: false };
}
