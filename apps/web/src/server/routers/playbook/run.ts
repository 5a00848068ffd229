import { listRunDecisions } from '@palisade/db/queries/playbooks/decisions';
import { listRunEffects } from '@palisade/db/queries/playbooks/effects';
import { getRun, listChildRuns } from '@palisade/db/queries/playbooks/runs';
import { listStepRuns } from '@palisade/db/queries/playbooks/step-runs';
import type { RunState } from '@palisade/playbook/run-state';
import { loadDefinition } from '@palisade/worker/playbooks/load-definition';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { PlaybookNotFoundError } from './playbook-errors';
import { GetRunInput } from './run.schema';

/**
 * One run for the run view: the step graph (ids, kinds, needs) with each step's status from the engine
 * state, every attempt row (input, output, error, timing), decisions, recorded effects, nested runs.
 */
export const run = staffTenantProcedure.input(GetRunInput).query(async ({ ctx, input }) => {
  const found = await getRun(ctx.tx, ctx.tenantId, input.runId);
  if (!found) throw new PlaybookNotFoundError('run not found');
  const { run: row } = found;
  const definition = await loadDefinition(ctx.tx, ctx.tenantId, row.playbookId, row.version);
  const state = row.state as RunState;
  const graph = definition.steps.map((s) => {
    const st = state.steps[s.id];
    return {
      id: s.id,
      name: s.name ?? s.id,
      kind: s.kind,
      uses: s.kind === 'action' ? s.uses : s.kind === 'call' ? s.call : null,
      needs: s.needs,
      foreach: s.foreach !== undefined,
      status: st?.status ?? 'pending',
      error: st?.error ?? null,
      skipReason: st?.skipReason ?? null,
      startedAt: st?.startedAt ?? null,
      finishedAt: st?.finishedAt ?? null,
    };
  });
  const [steps, decisions, effects, children] = await Promise.all([
    listStepRuns(ctx.tx, ctx.tenantId, row.id),
    listRunDecisions(ctx.tx, ctx.tenantId, row.id),
    listRunEffects(ctx.tx, ctx.tenantId, row.id),
    listChildRuns(ctx.tx, ctx.tenantId, row.id),
  ]);
  return {
    run: {
      id: row.id,
      playbookId: row.playbookId,
      slug: found.slug,
      name: found.name,
      version: row.version,
      trigger: row.trigger,
      status: row.status,
      dryRun: row.dryRun,
      incidentId: row.incidentId,
      parentRunId: row.parentRunId,
      error: row.error,
      outputs: state.outputs ?? null,
      inputs: state.context.inputs,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    },
    graph,
    steps: steps.map((s) => ({
      stepId: s.stepId,
      index: s.itemIndex,
      generation: s.generation,
      attempt: s.attempt,
      kind: s.kind,
      actionId: s.actionId,
      status: s.status,
      input: s.input,
      output: s.output,
      error: s.error,
      queuedAt: s.queuedAt,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
    })),
    decisions,
    effects: effects.map((e) => ({
      key: e.idempotencyKey,
      stepId: e.stepId,
      actionId: e.actionId,
      dryRun: e.dryRun,
      input: e.input,
      createdAt: e.createdAt,
    })),
    children,
  };
});
