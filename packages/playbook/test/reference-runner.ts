/**
 * In-memory reference executor, for tests only: a discrete-event simulation on a virtual clock that drives
 * `plan`/`applyEvent` exactly as the pg-boss worker will (persist state, run commands, feed results back).
 */
import type { ActionRegistry } from '../src/action-registry';
import type { Command } from '../src/command';
import { createRunState } from '../src/create-run';
import type { Playbook } from '../src/definition';
import { plan } from '../src/plan';
import { applyEvent, type RunEvent } from '../src/run-event';
import type { RunState } from '../src/run-state';

export type FakeCall = {
  runId: string;
  stepId: string;
  index?: number;
  attempt: number;
  key: string;
  now: number;
};
/** `hang` never answers, to exercise timeouts. */
export type FakeOutcome =
  | { output: unknown; ms?: number }
  | { error: string; retryable?: boolean; ms?: number }
  | { hang: true };
export type FakeHandler = (input: Record<string, unknown>, call: FakeCall) => FakeOutcome;

export type DecisionScript = (
  stepId: string,
  index: number | undefined,
) => { choice: string; afterMs: number } | undefined;

export type RunnerOptions = {
  playbooks: readonly Playbook[];
  registry: ActionRegistry;
  handlers: Record<string, FakeHandler>;
  decide?: DecisionScript;
  dryRun?: boolean;
  start?: number;
  /** events delivered at these times, e.g. a cancel */
  inject?: { at: number; runId?: string; event: RunEvent }[];
};

export type StartRecord = {
  at: number;
  runId: string;
  stepId: string;
  index?: number;
  attempt: number;
  actionId: string;
};

type Queued = { at: number; seq: number; runId: string; event?: RunEvent; wake?: true };

export class ReferenceRunner {
  readonly runs = new Map<
    string,
    {
      playbook: Playbook;
      state: RunState;
      parent?: { runId: string; stepId: string; index: number; attempt: number };
    }
  >();
  readonly starts: StartRecord[] = [];
  readonly commands: { at: number; runId: string; command: Command }[] = [];
  readonly rejected: { runId: string; reason: string }[] = [];
  readonly performed: { actionId: string; key: string; input: Record<string, unknown> }[] = [];
  private queue: Queued[] = [];
  private seq = 0;
  now: number;
  private maxInFlight = new Map<string, number>();

  constructor(private readonly opts: RunnerOptions) {
    this.now = opts.start ?? Date.UTC(2026, 0, 1);
  }

  private byId(id: string): Playbook {
    const p = this.opts.playbooks.find((x) => x.id === id);
    if (!p) throw new Error(`test setup: no playbook ${id}`);
    return p;
  }

  async run(
    playbookId: string,
    inputs: Record<string, unknown> = {},
    context: Omit<RunState['context'], 'inputs'> = {},
  ): Promise<RunState> {
    const runId = 'run-1';
    const created = createRunState({
      playbook: this.byId(playbookId),
      runId,
      tenantId: 'tenant-1',
      inputs,
      context,
      dryRun: this.opts.dryRun ?? false,
      now: this.now,
    });
    if (!created.ok) throw new Error(created.errors.join('; '));
    this.runs.set(runId, { playbook: this.byId(playbookId), state: created.state });
    for (const i of this.opts.inject ?? []) this.push(i.at, i.runId ?? runId, { event: i.event });
    await this.replan(runId);
    for (let guard = 0; this.queue.length; guard++) {
      if (guard > 100_000) throw new Error('reference runner: event budget exhausted (planner spinning?)');
      this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.queue.shift();
      if (!next) break;
      this.now = Math.max(this.now, next.at);
      const run = this.runs.get(next.runId);
      if (!run) continue;
      if (next.event) {
        const r = applyEvent(run.playbook, run.state, next.event, this.now);
        if (!r.accepted) this.rejected.push({ runId: next.runId, reason: r.reason });
        run.state = r.state;
      }
      await this.replan(next.runId);
    }
    const root = this.runs.get(runId);
    if (!root) throw new Error('lost root run');
    return root.state;
  }

  /** Highest number of units of one step observed in flight at once. */
  peak(stepId: string): number {
    return this.maxInFlight.get(stepId) ?? 0;
  }

  startsOf(stepId: string, runId = 'run-1'): StartRecord[] {
    return this.starts.filter((s) => s.stepId === stepId && s.runId === runId);
  }

  private push(at: number, runId: string, item: { event?: RunEvent; wake?: true }): void {
    this.queue.push({ at, seq: this.seq++, runId, ...item });
  }

  private async replan(runId: string): Promise<void> {
    const run = this.runs.get(runId);
    if (!run) return;
    const before = run.state.status;
    const result = await plan(run.playbook, run.state, { now: this.now, registry: this.opts.registry });
    run.state = result.state;
    this.track(runId, run.state);
    for (const command of result.commands) {
      this.commands.push({ at: this.now, runId, command });
      await this.execute(runId, command);
    }
    if (result.wakeAt !== undefined) {
      if (result.wakeAt <= this.now)
        throw new Error(`planner asked to wake at ${result.wakeAt}, not after now ${this.now}`);
      this.push(result.wakeAt, runId, { wake: true });
    }
    if (before === 'running' && run.state.status !== 'running' && run.parent) {
      const p = run.parent;
      const event: RunEvent =
        run.state.status === 'succeeded'
          ? {
              type: 'unit.succeeded',
              stepId: p.stepId,
              index: p.index,
              attempt: p.attempt,
              output: run.state.outputs ?? {},
            }
          : {
              type: 'unit.failed',
              stepId: p.stepId,
              index: p.index,
              attempt: p.attempt,
              error: run.state.error ?? 'child failed',
              retryable: false,
            };
      this.push(this.now, p.runId, { event });
    }
  }

  /** Peak parallelism as the planner sees it: units it holds running at once. */
  private track(runId: string, state: RunState): void {
    for (const [stepId, st] of Object.entries(state.steps)) {
      const key = runId === 'run-1' ? stepId : `${runId}/${stepId}`;
      const n = st.units.filter((u) => u.status === 'running').length;
      this.maxInFlight.set(key, Math.max(this.maxInFlight.get(key) ?? 0, n));
    }
  }

  private async execute(runId: string, c: Command): Promise<void> {
    const index = 'index' in c ? c.index : undefined;
    const unit = { stepId: 'stepId' in c ? c.stepId : '', index: index ?? 0 };
    switch (c.type) {
      case 'run-action': {
        this.starts.push({
          at: this.now,
          runId,
          stepId: c.stepId,
          ...(index === undefined ? {} : { index }),
          attempt: c.attempt,
          actionId: c.actionId,
        });
        this.performed.push({ actionId: c.actionId, key: c.idempotencyKey, input: c.input });
        const handler = this.opts.handlers[c.actionId];
        const outcome: FakeOutcome = handler
          ? handler(c.input, {
              runId,
              stepId: c.stepId,
              ...(index === undefined ? {} : { index }),
              attempt: c.attempt,
              key: c.idempotencyKey,
              now: this.now,
            })
          : { output: {} };
        if ('hang' in outcome) return;
        const at = this.now + (outcome.ms ?? 10);
        const event: RunEvent =
          'output' in outcome
            ? { type: 'unit.succeeded', ...unit, attempt: c.attempt, output: outcome.output }
            : {
                type: 'unit.failed',
                ...unit,
                attempt: c.attempt,
                error: outcome.error,
                retryable: outcome.retryable ?? true,
              };
        this.push(at, runId, { event });
        return;
      }
      case 'start-child': {
        const childId = c.childRunKey;
        const playbook = this.byId(c.playbookId);
        const created = createRunState({
          playbook,
          runId: childId,
          tenantId: 'tenant-1',
          inputs: c.inputs,
          parentCallStack: c.callStack,
          context: c.context,
          dryRun: c.dryRun,
          now: this.now,
        });
        if (!created.ok) {
          this.push(this.now, runId, {
            event: {
              type: 'unit.failed',
              ...unit,
              attempt: c.attempt,
              error: created.errors.join('; '),
              retryable: false,
            },
          });
          return;
        }
        this.runs.set(childId, {
          playbook,
          state: created.state,
          parent: { runId, stepId: c.stepId, index: unit.index, attempt: c.attempt },
        });
        this.push(this.now, childId, { wake: true });
        return;
      }
      case 'await-decision': {
        const d = this.opts.decide?.(c.stepId, index);
        if (d)
          this.push(this.now + d.afterMs, runId, {
            event: { type: 'decision.made', ...unit, choice: d.choice, by: 'analyst-1' },
          });
        return;
      }
      case 'cancel':
        if (c.kind === 'call') {
          for (const [id, r] of this.runs) {
            if (r.parent?.runId === runId && r.parent.stepId === c.stepId && r.parent.attempt === c.attempt) {
              this.push(this.now, id, { event: { type: 'run.cancel', reason: 'parent step timed out' } });
            }
          }
        }
        return;
      case 'record-effect':
      case 'wait-until':
      case 'run-finished':
        return;
    }
  }
}
