import type { Db } from '@palisade/db/client';
import { enqueue } from '@palisade/db/jobs/enqueue';
import { RUN_STEP, type RunStepPayload } from '@palisade/db/jobs/run-step';
import { findEffect, recordEffect } from '@palisade/db/queries/playbooks/effects';
import { lockRun } from '@palisade/db/queries/playbooks/runs';
import { getStepRun, updateStepRun } from '@palisade/db/queries/playbooks/step-runs';
import { withTenantOn } from '@palisade/db/with-tenant';
import { type ActionContext, type InvokeResult, invokeAction } from '@palisade/playbook/action-registry';
import type { Command } from '@palisade/playbook/command';
import type { RunEvent } from '@palisade/playbook/run-event';
import type { AnyActionImpl } from './action-impl';
import { notAvailable } from './action-table';
import { advanceRun } from './advance-run';
import type { Executor } from './executor';

type RunAction = Extract<Command, { type: 'run-action' }>;

/**
 * One attempt of one action unit. A side effect already recorded under the unit's idempotency key is not
 * performed again (its recorded output is reported instead). Database-only actions run inside the same
 * transaction that records the effect and advances the run; network actions run between two
 * transactions, never inside one.
 */
export async function runStep(db: Db, ex: Executor, p: RunStepPayload, signal: AbortSignal): Promise<string> {
  const startedAt = ex.now();
  const first = await runStepOnce(db, ex, p, signal);
  // Carry on with the run's next dispatched unit for a short while (see dispatchDeferred); the other
  // jobs of the fetched batch are waiting, so the chain is bounded in units and in time.
  let next = first.continued;
  for (
    let n = 0;
    next && n < MAX_CONTINUED && ex.now() - startedAt < CONTINUE_BUDGET_MS && !signal.aborted;
    n++
  ) {
    next = (await runStepOnce(db, ex, next, signal)).continued;
  }
  // Handed over but not performed (budget spent): queue it now rather than wait for its safety net.
  const left = next;
  if (left) {
    await withTenantOn(db, left.tenantId, (tx) =>
      enqueue(tx, RUN_STEP, left, { expireInSeconds: ex.config.runStepExpireSeconds }),
    );
  }
  return first.outcome;
}

/** Units one job performs back to back at most, so a long chain still yields to the queue. */
const MAX_CONTINUED = 50;
const CONTINUE_BUDGET_MS = 2000;

type Once = { outcome: string; continued?: RunStepPayload };

async function runStepOnce(db: Db, ex: Executor, p: RunStepPayload, signal: AbortSignal): Promise<Once> {
  const key = {
    tenantId: p.tenantId,
    runId: p.runId,
    stepId: p.stepId,
    index: p.index,
    generation: p.generation,
    attempt: p.attempt,
  };
  const prepared = await withTenantOn(db, p.tenantId, async (tx) => {
    // Run row first, then the step row: the order advanceRun takes them in, so the two never deadlock.
    const run = await lockRun(tx, p.tenantId, p.runId);
    const row = await getStepRun(tx, key, true);
    if (!run || !row) return { done: 'missing' };
    if (row.status !== 'queued' && row.status !== 'running') return { done: `already ${row.status}` };
    const command = row.command as RunAction;
    const impl = ex.actions.get(command.actionId);
    let continued: RunStepPayload | undefined;
    const finish = async (outcome: InvokeResult) => {
      continued = (await advanceRun(tx, ex, p.tenantId, p.runId, eventFor(p, outcome), { continueRun: true }))
        .continued;
    };
    const done = (outcome: string) => ({ done: outcome, ...(continued ? { continued } : {}) });
    if (!impl) {
      await finish({ ok: false, error: notAvailable(command.actionId), retryable: false });
      return done('not available');
    }
    if (command.sideEffects) {
      const effect = await findEffect(tx, p.tenantId, command.idempotencyKey);
      if (effect) {
        await finish({ ok: true, output: effect.output });
        return done('effect already recorded');
      }
    }
    await updateStepRun(tx, key, { status: 'running', startedAt: new Date() });
    if (impl.mode === 'io') return { done: undefined, command, impl };
    const outcome = await invokeAction(
      impl.contract,
      (input, ctx) => impl.run(input as never, ctx, tx),
      command.input,
      ctxFor(p, command, signal),
    );
    if (outcome.ok && command.sideEffects) await record(tx, p, command, outcome.output);
    await finish(outcome);
    return done('performed in transaction');
  });
  if (prepared.done !== undefined) {
    return {
      outcome: prepared.done,
      ...('continued' in prepared && prepared.continued ? { continued: prepared.continued } : {}),
    };
  }

  const { command, impl } = prepared as { command: RunAction; impl: AnyActionImpl };
  const deadline =
    command.deadline === undefined
      ? undefined
      : AbortSignal.timeout(Math.max(1, command.deadline - ex.now()));
  const outcome = await invokeAction(
    impl.contract,
    (input, ctx) => impl.run(input as never, ctx, undefined as never),
    command.input,
    ctxFor(p, command, deadline ? AbortSignal.any([signal, deadline]) : signal),
  );
  // The job expired mid-action: pg-boss has handed it to a retry, which owns the outcome now.
  if (signal.aborted) throw new Error('run-step job expired during the action; left to its retry');
  const continued = await withTenantOn(db, p.tenantId, async (tx) => {
    if (outcome.ok && command.sideEffects) await record(tx, p, command, outcome.output);
    return (await advanceRun(tx, ex, p.tenantId, p.runId, eventFor(p, outcome), { continueRun: true }))
      .continued;
  });
  return { outcome: outcome.ok ? 'performed' : 'failed', ...(continued ? { continued } : {}) };
}

function ctxFor(p: RunStepPayload, c: RunAction, signal: AbortSignal): ActionContext {
  return {
    tenantId: p.tenantId,
    runId: p.runId,
    stepId: p.stepId,
    ...(c.index === undefined ? {} : { index: c.index }),
    attempt: p.attempt,
    idempotencyKey: c.idempotencyKey,
    signal,
  };
}

function eventFor(p: RunStepPayload, outcome: InvokeResult): RunEvent {
  const where = { stepId: p.stepId, index: p.index, attempt: p.attempt };
  return outcome.ok
    ? { type: 'unit.succeeded', ...where, output: outcome.output }
    : { type: 'unit.failed', ...where, error: outcome.error, retryable: outcome.retryable };
}

async function record(
  tx: Parameters<typeof recordEffect>[0],
  p: RunStepPayload,
  c: RunAction,
  output: unknown,
): Promise<void> {
  await recordEffect(tx, {
    tenantId: p.tenantId,
    idempotencyKey: c.idempotencyKey,
    runId: p.runId,
    stepId: p.stepId,
    actionId: c.actionId,
    dryRun: false,
    input: c.input,
    output,
  });
}
