import type { Tx } from '@palisade/db/client';
import { ADVANCE_RUN } from '@palisade/db/jobs/advance-run';
import { enqueueMany, type JobToEnqueue } from '@palisade/db/jobs/enqueue';
import { RUN_STEP, type RunStepPayload } from '@palisade/db/jobs/run-step';
import { getPlaybookBySlug } from '@palisade/db/queries/playbooks/catalog';
import { closeDecision, openDecision } from '@palisade/db/queries/playbooks/decisions';
import { recordEffect } from '@palisade/db/queries/playbooks/effects';
import { insertRun, listChildRuns, lockRun, saveRunState } from '@palisade/db/queries/playbooks/runs';
import {
  claimDeferredSteps,
  countInFlightSteps,
  finishActiveStepRun,
  insertStepRuns,
  type NewStepRun,
  type StepRunStatus,
} from '@palisade/db/queries/playbooks/step-runs';
import { invokeAction } from '@palisade/playbook/action-registry';
import { builtinRegistry } from '@palisade/playbook/builtin-actions';
import type { Command } from '@palisade/playbook/command';
import { createRunState } from '@palisade/playbook/create-run';
import type { Playbook } from '@palisade/playbook/definition';
import { DECISION_TIMED_OUT, plan } from '@palisade/playbook/plan';
import { applyEvent, type RunEvent } from '@palisade/playbook/run-event';
import type { RunState, UnitState } from '@palisade/playbook/run-state';
import { notAvailable } from './action-table';
import type { Executor } from './executor';
import { loadDefinition } from './load-definition';

export type RunFinished = {
  status: 'succeeded' | 'failed' | 'cancelled';
  outputs?: Record<string, unknown>;
  error?: string;
};

export type AdvanceResult =
  | { found: false }
  | { found: true; accepted: boolean; reason?: string; status: RunState['status']; finished?: RunFinished };

const NEVER = new AbortController().signal;

/**
 * The executor loop for one run, inside the caller's tenant transaction: lock the run row, fold the event
 * in, plan, and persist the new state, the step-run rows and every job the commands need (run-step jobs
 * through the tenant's fairness gate, a delayed wake-up, events for parent or child runs) before commit.
 * A crash anywhere rolls all of it back; pg-boss redelivers the job that asked, and replanning is
 * idempotent.
 */
export type ContinuedUnit = RunStepPayload;

export async function advanceRun(
  tx: Tx,
  ex: Executor,
  tenantId: string,
  runId: string,
  event?: RunEvent,
  /** a run-step handler that will perform one of this run's newly dispatched units itself */
  options: { continueRun?: boolean } = {},
): Promise<AdvanceResult & { continued?: ContinuedUnit }> {
  const jobs: Outbox = Object.assign([] as JobToEnqueue[], { slotsChanged: false });
  const result = await advanceOne(tx, ex, tenantId, runId, event, jobs, false);
  // The gate only needs a look when a unit was deferred or a unit holding a slot ended.
  const continued = jobs.slotsChanged
    ? await dispatchDeferred(tx, ex, tenantId, jobs, options.continueRun ? runId : undefined)
    : undefined;
  await enqueueMany(tx, jobs);
  return continued ? { ...result, continued } : result;
}

/**
 * Dispatches the tenant's oldest deferred units into the free slots of its concurrency limit. With
 * `continueRunId`, the first dispatched unit of that run is handed back to the caller (a run-step
 * handler that just finished the previous unit performs it at once, skipping a queue round trip); its
 * job is still enqueued, delayed by the job expiry, as the safety net if that handler dies: by then the
 * unit is final and the job does nothing.
 */
export async function dispatchDeferred(
  tx: Tx,
  ex: Executor,
  tenantId: string,
  jobs: JobToEnqueue[],
  continueRunId?: string,
): Promise<ContinuedUnit | undefined> {
  const free = ex.config.tenantStepLimit - (await countInFlightSteps(tx, tenantId));
  let continued: ContinuedUnit | undefined;
  for (const c of await claimDeferredSteps(tx, tenantId, free)) {
    const data: RunStepPayload = {
      tenantId,
      runId: c.runId,
      stepId: c.stepId,
      index: c.itemIndex,
      generation: c.generation,
      attempt: c.attempt,
    };
    const mine = continued === undefined && c.runId === continueRunId;
    if (mine) continued = data;
    jobs.push({
      name: RUN_STEP,
      data,
      options: {
        expireInSeconds: ex.config.runStepExpireSeconds,
        ...(mine ? { startAfter: new Date(ex.now() + ex.config.runStepExpireSeconds * 1000) } : {}),
      },
    });
  }
  return continued;
}

/** Jobs to enqueue with the advance, and whether the tenant's in-flight units may have changed. */
type Outbox = JobToEnqueue[] & { slotsChanged: boolean };

const rowKey = (stepId: string, index: number, attempt: number) => `${stepId}\u0000${index}\u0000${attempt}`;

async function advanceOne(
  tx: Tx,
  ex: Executor,
  tenantId: string,
  runId: string,
  event: RunEvent | undefined,
  jobs: Outbox,
  /** a child started by its parent in this same transaction: its end is returned, not enqueued */
  inlineChild: boolean,
): Promise<AdvanceResult> {
  const row = await lockRun(tx, tenantId, runId);
  if (!row) return { found: false };
  const playbook = await loadDefinition(tx, tenantId, row.playbookId, row.version);
  const now = ex.now();
  const initial = row.state as RunState;
  let state = initial;
  if (event) {
    const applied = applyEvent(playbook, state, event, now);
    if (!applied.accepted) {
      ex.log.info(
        { run_id: runId, event_type: event.type, reason: applied.reason },
        'playbook event refused',
      );
      return { found: true, accepted: false, reason: applied.reason, status: initial.status };
    }
    state = applied.state;
  }
  // A re-run restarts the reset steps' attempts at 1: their rows go in a new generation beside the old.
  const generation = row.generation + (event?.type === 'step.rerun' ? 1 : 0);

  const rows = new Map<string, NewStepRun>();
  /** rows whose outcome is already known when inserted (inline actions, recorded dry-run effects) */
  const settled = new Set<string>();
  let finished: RunFinished | undefined;
  let wakeAt: number | undefined;

  for (let round = 0; ; round++) {
    if (round > 10_000) throw new Error(`run ${runId}: inline actions did not settle`);
    const planned = await plan(playbook, state, { now, registry: builtinRegistry });
    state = planned.state;
    wakeAt = planned.wakeAt;
    const inline: RunEvent[] = [];
    for (const c of planned.commands) {
      const outcome = await perform(c);
      if (outcome) inline.push(outcome);
    }
    if (inline.length === 0) break;
    for (const e of inline) state = applyEvent(playbook, state, e, now).state;
  }

  async function perform(c: Command): Promise<RunEvent | undefined> {
    const at = new Date(now);
    switch (c.type) {
      case 'run-action': {
        const index = c.index ?? 0;
        const key = rowKey(c.stepId, index, c.attempt);
        const base = {
          tenantId,
          runId,
          stepId: c.stepId,
          itemIndex: index,
          generation,
          attempt: c.attempt,
          kind: 'action',
          actionId: c.actionId,
          input: c.input,
          idempotencyKey: c.idempotencyKey,
          deadlineAt: c.deadline === undefined ? null : new Date(c.deadline),
          queuedAt: at,
        } satisfies Omit<NewStepRun, 'status'>;
        const impl = ex.actions.get(c.actionId);
        if (!impl) {
          const error = notAvailable(c.actionId);
          rows.set(key, { ...base, status: 'failed', error, startedAt: at, finishedAt: at });
          settled.add(key);
          return {
            type: 'unit.failed',
            stepId: c.stepId,
            index,
            attempt: c.attempt,
            error,
            retryable: false,
          };
        }
        if (impl.mode === 'pure' && ex.config.inlinePureActions) {
          const startedAt = new Date();
          const out = await invokeAction(impl.contract, impl.run as never, c.input, {
            tenantId,
            runId,
            stepId: c.stepId,
            ...(c.index === undefined ? {} : { index: c.index }),
            attempt: c.attempt,
            idempotencyKey: c.idempotencyKey,
            signal: NEVER,
          });
          rows.set(key, {
            ...base,
            status: out.ok ? 'succeeded' : 'failed',
            output: out.ok ? out.output : null,
            error: out.ok ? null : out.error,
            startedAt,
            finishedAt: new Date(),
          });
          settled.add(key);
          return out.ok
            ? { type: 'unit.succeeded', stepId: c.stepId, index, attempt: c.attempt, output: out.output }
            : {
                type: 'unit.failed',
                stepId: c.stepId,
                index,
                attempt: c.attempt,
                error: out.error,
                retryable: out.retryable,
              };
        }
        rows.set(key, { ...base, status: 'deferred', command: c });
        jobs.slotsChanged = true;
        return undefined;
      }
      case 'record-effect': {
        const index = c.index ?? 0;
        const output = state.steps[c.stepId]?.units[index]?.output ?? null;
        await recordEffect(tx, {
          tenantId,
          idempotencyKey: c.idempotencyKey,
          runId,
          stepId: c.stepId,
          actionId: c.actionId,
          dryRun: true,
          input: c.input,
          output,
        });
        const attempt = state.steps[c.stepId]?.units[index]?.attempts || 1;
        const key = rowKey(c.stepId, index, attempt);
        rows.set(key, {
          tenantId,
          runId,
          stepId: c.stepId,
          itemIndex: index,
          generation,
          attempt,
          kind: 'action',
          actionId: c.actionId,
          status: 'recorded',
          input: c.input,
          output,
          idempotencyKey: c.idempotencyKey,
          queuedAt: at,
          startedAt: at,
          finishedAt: at,
        });
        settled.add(key);
        return undefined;
      }
      case 'start-child':
        return startChild(c, at);
      case 'wait-until': {
        const index = c.index ?? 0;
        const attempt = state.steps[c.stepId]?.units[index]?.attempts || 1;
        rows.set(rowKey(c.stepId, index, attempt), {
          tenantId,
          runId,
          stepId: c.stepId,
          itemIndex: index,
          generation,
          attempt,
          kind: 'wait',
          status: 'waiting',
          input: { until: new Date(c.until).toISOString() },
          deadlineAt: new Date(c.until),
          queuedAt: at,
          startedAt: at,
        });
        return undefined;
      }
      case 'await-decision': {
        const index = c.index ?? 0;
        const attempt = state.steps[c.stepId]?.units[index]?.attempts || 1;
        const deadlineAt = c.deadline === undefined ? null : new Date(c.deadline);
        await openDecision(tx, {
          tenantId,
          runId,
          stepId: c.stepId,
          itemIndex: index,
          prompt: c.prompt,
          role: c.role,
          choices: c.choices,
          deadlineAt,
        });
        rows.set(rowKey(c.stepId, index, attempt), {
          tenantId,
          runId,
          stepId: c.stepId,
          itemIndex: index,
          generation,
          attempt,
          kind: 'decision',
          status: 'waiting',
          input: { prompt: c.prompt, role: c.role, choices: c.choices },
          deadlineAt,
          queuedAt: at,
          startedAt: at,
        });
        return undefined;
      }
      case 'cancel': {
        if (c.kind === 'call') {
          const index = c.index ?? 0;
          for (const child of await listChildRuns(tx, tenantId, runId)) {
            if (
              child.status === 'running' &&
              child.parentStepId === c.stepId &&
              child.parentIndex === index &&
              child.parentAttempt === c.attempt
            ) {
              jobs.push({
                name: ADVANCE_RUN,
                data: {
                  tenantId,
                  runId: child.id,
                  event: { type: 'run.cancel', reason: `parent step ${c.reason}` },
                },
              });
            }
          }
        }
        return undefined;
      }
      case 'run-finished': {
        finished = {
          status: c.status,
          ...(c.outputs ? { outputs: c.outputs } : {}),
          ...(c.error ? { error: c.error } : {}),
        };
        if (row?.parentRunId && row.parentStepId !== null && !inlineChild) {
          jobs.push({
            name: ADVANCE_RUN,
            data: { tenantId, runId: row.parentRunId, event: parentEvent(row, finished) },
          });
        }
        return undefined;
      }
    }
  }

  async function startChild(
    c: Extract<Command, { type: 'start-child' }>,
    at: Date,
  ): Promise<RunEvent | undefined> {
    const index = c.index ?? 0;
    rows.set(rowKey(c.stepId, index, c.attempt), {
      tenantId,
      runId,
      stepId: c.stepId,
      itemIndex: index,
      generation,
      attempt: c.attempt,
      kind: 'call',
      actionId: c.playbookId,
      status: 'running',
      input: c.inputs,
      queuedAt: at,
      startedAt: at,
    });
    const fail = (error: string): RunEvent => ({
      type: 'unit.failed',
      stepId: c.stepId,
      index,
      attempt: c.attempt,
      error,
      retryable: false,
    });
    const target = await getPlaybookBySlug(tx, tenantId, c.playbookId);
    if (!target) return fail(`playbook ${c.playbookId} does not exist in this tenant`);
    const childPlaybook: Playbook = await loadDefinition(tx, tenantId, target.id, target.currentVersion);
    const childId = crypto.randomUUID();
    const created = createRunState({
      playbook: childPlaybook,
      runId: childId,
      tenantId,
      inputs: c.inputs,
      context: c.context,
      parentCallStack: c.callStack,
      dryRun: c.dryRun,
      now,
    });
    if (!created.ok) return fail(created.errors.join('; '));
    const inserted = await insertRun(tx, {
      tenantId,
      id: childId,
      playbookId: target.id,
      version: target.currentVersion,
      trigger: 'called',
      dryRun: c.dryRun,
      incidentId: row?.incidentId ?? null,
      state: created.state,
      parent: { runId, stepId: c.stepId, index, attempt: c.attempt },
      dedupKey: c.childRunKey,
    });
    if (!inserted) return undefined; // a replayed command: the child exists and reports on its own
    const child = await advanceOne(tx, ex, tenantId, childId, undefined, jobs, true);
    if (child.found && child.finished) {
      return child.finished.status === 'succeeded'
        ? {
            type: 'unit.succeeded',
            stepId: c.stepId,
            index,
            attempt: c.attempt,
            output: child.finished.outputs ?? {},
          }
        : fail(child.finished.error ?? `child run ${child.finished.status}`);
    }
    // Not finished yet: the child's own later advance reports to this run through an advance-run job.
    return undefined;
  }

  // Step-run rows mirror unit transitions: finalize new rows that also ended in this advance, and close the
  // rows of units that were active before it and have ended (an event, a timeout, a wait elapsing, cancel).
  for (const [key, r] of rows) {
    if (settled.has(key)) continue;
    const fin = unitFinal(state.steps[r.stepId]?.units[r.itemIndex ?? 0], r.attempt, now);
    if (fin) Object.assign(r, fin);
  }
  await insertStepRuns(tx, [...rows.values()]);
  for (const def of playbook.steps) {
    const before = initial.steps[def.id]?.units ?? [];
    const after = state.steps[def.id]?.units ?? [];
    for (let index = 0; index < before.length; index++) {
      const old = before[index];
      if (!old || (old.status !== 'running' && old.status !== 'waiting')) continue;
      const fin = unitFinal(after[index], old.attempts, now);
      if (!fin) continue;
      await finishActiveStepRun(tx, { tenantId, runId, stepId: def.id, index, attempt: old.attempts }, fin);
      jobs.slotsChanged = true;
      if (def.kind === 'decision') {
        const timedOut = fin.error === DECISION_TIMED_OUT || isTimedOut(fin.output);
        await closeDecision(
          tx,
          { tenantId, runId, stepId: def.id, index },
          { status: timedOut ? 'timed_out' : fin.status === 'succeeded' ? 'answered' : 'cancelled' },
        );
      }
    }
  }

  await saveRunState(tx, tenantId, runId, {
    state,
    status: state.status,
    error: state.error ?? null,
    finishedAt: state.finishedAt === undefined ? null : new Date(state.finishedAt),
    generation,
  });
  if (state.status === 'running' && wakeAt !== undefined) {
    jobs.push({ name: ADVANCE_RUN, data: { tenantId, runId }, options: { startAfter: new Date(wakeAt) } });
  }
  return { found: true, accepted: true, status: state.status, ...(finished ? { finished } : {}) };
}

function isTimedOut(output: unknown): boolean {
  return (
    typeof output === 'object' && output !== null && (output as { timedOut?: unknown }).timedOut === true
  );
}

type Final = { status: StepRunStatus; output: unknown; error: string | null; finishedAt: Date };

/** The final row values of `attempt` of a unit, or undefined while that attempt is still active. */
function unitFinal(unit: UnitState | undefined, attempt: number, now: number): Final | undefined {
  if (!unit) return undefined;
  const finishedAt = new Date(now);
  if (unit.attempts > attempt) {
    return {
      status: 'failed',
      output: null,
      error: unit.error ?? 'superseded by a later attempt',
      finishedAt,
    };
  }
  switch (unit.status) {
    case 'running':
    case 'waiting':
      return undefined;
    case 'succeeded':
      return { status: 'succeeded', output: unit.output ?? null, error: null, finishedAt };
    case 'failed':
      return {
        status: unit.error === 'cancelled' ? 'cancelled' : 'failed',
        output: null,
        error: unit.error ?? null,
        finishedAt,
      };
    case 'pending':
      // failed, and a retry is scheduled
      return { status: 'failed', output: null, error: unit.error ?? null, finishedAt };
    case 'skipped':
      return { status: 'cancelled', output: null, error: unit.error ?? 'skipped', finishedAt };
  }
}

function parentEvent(
  child: { parentStepId: string | null; parentIndex: number | null; parentAttempt: number | null },
  finished: RunFinished,
): RunEvent {
  const where = {
    stepId: child.parentStepId ?? '',
    index: child.parentIndex ?? 0,
    attempt: child.parentAttempt ?? 1,
  };
  return finished.status === 'succeeded'
    ? { type: 'unit.succeeded', ...where, output: finished.outputs ?? {} }
    : {
        type: 'unit.failed',
        ...where,
        error: finished.error ?? `child run ${finished.status}`,
        retryable: false,
      };
}
