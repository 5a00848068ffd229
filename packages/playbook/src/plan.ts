import { type ActionRegistry, idempotencyKeyFor, summarize } from './action-registry';
import type { Command } from './command';
import { MAX_CALL_DEPTH } from './create-run';
import type { Playbook } from './definition';
import { type ExpressionContext, evaluateField, isTruthy, renderTemplate } from './expressions';
import {
  RUN_STOPPED,
  type RunState,
  type StepState,
  TERMINAL_STEP,
  TERMINAL_UNIT,
  type UnitState,
} from './run-state';
import type { Step } from './step';
import { failUnit, succeedUnit, unitKey } from './unit-outcome';

function isActive(unit: UnitState): boolean {
  return unit.status === 'running' || unit.status === 'waiting';
}

export type PlanOptions = { now: number; registry: ActionRegistry };

/**
 * The next state, the commands that state change requires, and when to call `plan` again if no event arrives
 * first (a retry falls due, a deadline passes, a wait ends).
 */
export type PlanResult = { state: RunState; commands: Command[]; wakeAt: number | undefined };

export const DECISION_TIMED_OUT = 'decision timed out';

/** More foreach items than this is almost certainly an expression mistake, and would bloat the run row. */
export const MAX_FOREACH_ITEMS = 10_000;

/**
 * The pure heart of the executor: advances a run as far as it can go at `now` without outside results.
 * Calling it again on its own output yields no commands, so the worker may replan freely (after a crash,
 * on a timer, after every event).
 */
export async function plan(playbook: Playbook, current: RunState, options: PlanOptions): Promise<PlanResult> {
  const planner = new Planner(playbook, structuredClone(current), options);
  return planner.run();
}

class Planner {
  private readonly commands: Command[] = [];
  /** goto targets: they run only when jumped to */
  private readonly handlers: Set<string>;
  private readonly now: number;

  constructor(
    private readonly playbook: Playbook,
    private readonly state: RunState,
    private readonly options: PlanOptions,
  ) {
    this.now = options.now;
    this.handlers = new Set(
      playbook.steps.flatMap((s) => {
        const targets: string[] = [];
        if (typeof s.on_error === 'object') targets.push(s.on_error.goto);
        if (s.kind === 'decision' && s.decision.on_timeout && 'goto' in s.decision.on_timeout) {
          targets.push(s.decision.on_timeout.goto);
        }
        return targets;
      }),
    );
    for (const s of playbook.steps) {
      this.state.steps[s.id] ??= { status: 'pending', activated: false, units: [] };
    }
  }

  async run(): Promise<PlanResult> {
    if (this.state.status === 'running') {
      if (this.state.cancelRequested) this.cancel(this.state.cancelRequested);
      else await this.advance();
    }
    return { state: this.state, commands: this.commands, wakeAt: this.wakeAt() };
  }

  private async advance(): Promise<void> {
    // Each pass can unblock the next (a skip cascades, an instant dry-run unit finishes a step).
    for (let pass = 0; pass < 10_000 && this.state.status === 'running'; pass++) {
      let progressed = this.expire();
      if (this.finishSteps()) progressed = true;
      if (await this.startSteps()) progressed = true;
      if (await this.startUnits()) progressed = true;
      if (!progressed && !(await this.settle())) return;
    }
  }

  private step(id: string): StepState {
    const s = this.state.steps[id];
    if (!s) throw new Error(`run state lacks step ${id}`);
    return s;
  }

  private context(item?: { value: unknown; index: number }): ExpressionContext {
    const steps: ExpressionContext['steps'] = {};
    for (const [id, s] of Object.entries(this.state.steps)) {
      steps[id] = { status: s.status, output: s.output, ...(s.error ? { error: s.error } : {}) };
    }
    const { incident, alert, tenant, inputs } = this.state.context;
    return {
      incident,
      alert,
      tenant,
      inputs,
      steps,
      run: { id: this.state.runId, dryRun: this.state.dryRun, playbookId: this.state.playbookId },
      ...(item ? { item: item.value, index: item.index } : {}),
    };
  }

  private where(def: Step, index: number): { stepId: string; index?: number } {
    return def.foreach === undefined ? { stepId: def.id } : { stepId: def.id, index };
  }

  /** Deadlines and elapsed waits. */
  private expire(): boolean {
    let changed = false;
    for (const def of this.playbook.steps) {
      const st = this.step(def.id);
      st.units.forEach((unit, index) => {
        if (
          def.kind === 'wait' &&
          unit.status === 'waiting' &&
          unit.until !== undefined &&
          unit.until <= this.now
        ) {
          succeedUnit(unit, { waitedUntil: new Date(unit.until).toISOString() }, this.now);
          changed = true;
        } else if (unit.deadline !== undefined && unit.deadline <= this.now) {
          if (def.kind === 'decision' && unit.status === 'waiting') {
            const onTimeout = def.decision.on_timeout;
            if (onTimeout && 'choose' in onTimeout) {
              succeedUnit(
                unit,
                { choice: onTimeout.choose, by: null, comment: null, timedOut: true },
                this.now,
              );
            } else {
              failUnit(def, unit, DECISION_TIMED_OUT, false, this.now);
            }
            changed = true;
          } else if ((def.kind === 'action' || def.kind === 'call') && unit.status === 'running') {
            this.commands.push({
              type: 'cancel',
              ...this.where(def, index),
              attempt: unit.attempts,
              kind: def.kind,
              reason: 'timeout',
            });
            failUnit(def, unit, `timed out after ${def.timeout ?? 0}ms`, true, this.now);
            changed = true;
          }
        }
      });
    }
    return changed;
  }

  /** Steps whose units are all done get their status, output and on_error outcome. */
  private finishSteps(): boolean {
    let changed = false;
    for (const def of this.playbook.steps) {
      const st = this.step(def.id);
      if (TERMINAL_STEP.has(st.status) || st.status === 'pending') continue;
      const anyFailed = st.units.some((u) => u.status === 'failed');
      if (anyFailed && def.on_error !== 'continue') {
        // Fail fast across foreach items: the step's outcome is already decided.
        for (const u of st.units) {
          if (u.status === 'pending') {
            u.status = 'skipped';
            u.error = 'not started: another item failed';
            changed = true;
          }
        }
      }
      if (!st.units.every((u) => TERMINAL_UNIT.has(u.status))) continue;
      const output =
        def.foreach === undefined
          ? st.units[0]?.output
          : st.units.map((u) => (u.status === 'succeeded' ? u.output : null));
      if (!anyFailed) {
        this.complete(st, 'succeeded', output);
      } else {
        const failedAt = st.units.findIndex((u) => u.status === 'failed');
        const reason = st.units[failedAt]?.error ?? 'failed';
        const timedOutDecision =
          def.kind === 'decision' &&
          def.decision.on_timeout &&
          'goto' in def.decision.on_timeout &&
          reason === DECISION_TIMED_OUT
            ? def.decision.on_timeout.goto
            : undefined;
        this.failStep(
          def,
          st,
          def.foreach === undefined ? reason : `item ${failedAt}: ${reason}`,
          output,
          timedOutDecision,
        );
      }
      changed = true;
    }
    return changed;
  }

  private complete(
    st: StepState,
    status: 'succeeded' | 'skipped',
    output: unknown,
    skipReason?: string,
  ): void {
    st.status = status;
    st.output = output;
    st.finishedAt = this.now;
    if (skipReason) st.skipReason = skipReason;
  }

  private failStep(def: Step, st: StepState, error: string, output: unknown, gotoOverride?: string): void {
    st.status = 'failed';
    st.error = error;
    st.output = output ?? null;
    st.finishedAt = this.now;
    const target = gotoOverride ?? (typeof def.on_error === 'object' ? def.on_error.goto : undefined);
    if (target) {
      st.handled = 'goto';
      const t = this.state.steps[target];
      if (t) t.activated = true;
    } else if (def.on_error === 'continue') {
      st.handled = 'continue';
    } else {
      this.state.failure ??= { stepId: def.id, error };
    }
  }

  /** Pending steps whose needs are done: skip them, or fan them out into units. */
  private async startSteps(): Promise<boolean> {
    if (this.state.failure) return false;
    let changed = false;
    for (const def of this.playbook.steps) {
      const st = this.step(def.id);
      if (st.status !== 'pending') continue;
      if (this.handlers.has(def.id) && !st.activated) continue;
      const needs = def.needs.map((n) => ({ id: n, st: this.state.steps[n] }));
      if (!needs.every((n) => n.st && TERMINAL_STEP.has(n.st.status))) continue;
      changed = true;
      st.startedAt = this.now;
      const blockedBy = needs
        .filter((n) => n.st?.status === 'skipped' || n.st?.handled === 'goto')
        .map((n) => n.id);
      if (def.if !== undefined) {
        const cond = await evaluateField(def.if, this.context());
        if (!cond.ok) {
          this.failStep(def, st, `if: ${cond.error}`, null);
          continue;
        }
        if (!isTruthy(cond.value)) {
          this.complete(st, 'skipped', null, 'condition is false');
          continue;
        }
        // An explicit `if` overrides skip propagation: the author decided with full knowledge.
      } else if (blockedBy.length) {
        this.complete(st, 'skipped', null, `needs did not succeed: ${blockedBy.join(', ')}`);
        continue;
      }
      if (def.foreach === undefined) {
        st.units = [{ status: 'pending', attempts: 0 }];
        st.status = 'running';
        continue;
      }
      const list = await evaluateField(def.foreach, this.context());
      if (!list.ok) {
        this.failStep(def, st, `foreach: ${list.error}`, null);
        continue;
      }
      const items = Array.isArray(list.value)
        ? list.value
        : list.value === undefined || list.value === null
          ? []
          : [list.value];
      if (items.length > MAX_FOREACH_ITEMS) {
        this.failStep(
          def,
          st,
          `foreach: ${items.length} items exceed the limit of ${MAX_FOREACH_ITEMS}`,
          null,
        );
        continue;
      }
      st.items = items;
      st.units = items.map(() => ({ status: 'pending', attempts: 0 }));
      if (items.length === 0) this.complete(st, 'succeeded', []);
      else st.status = 'running';
    }
    return changed;
  }

  /** Launches pending units up to each step's concurrency, once any retry delay has passed. */
  private async startUnits(): Promise<boolean> {
    if (this.state.failure) return false;
    let changed = false;
    for (const def of this.playbook.steps) {
      const st = this.step(def.id);
      if (st.status !== 'running' && st.status !== 'waiting') continue;
      const limit = def.foreach === undefined ? 1 : (def.concurrency ?? 1);
      let active = st.units.filter((u) => u.status === 'running' || u.status === 'waiting').length;
      for (let index = 0; index < st.units.length && active < limit; index++) {
        const unit = st.units[index];
        if (unit?.status !== 'pending' || (unit.notBefore ?? 0) > this.now) continue;
        await this.startUnit(def, st, unit, index);
        changed = true;
        if (isActive(unit)) active++;
      }
      const busy = st.units.filter((u) => u.status === 'running' || u.status === 'waiting');
      if (busy.length) st.status = busy.every((u) => u.status === 'waiting') ? 'waiting' : 'running';
    }
    return changed;
  }

  private async startUnit(def: Step, st: StepState, unit: UnitState, index: number): Promise<void> {
    unit.attempts += 1;
    unit.status = 'running';
    unit.notBefore = undefined;
    unit.startedAt = this.now;
    const where = this.where(def, index);
    const ctx = this.context(def.foreach === undefined ? undefined : { value: st.items?.[index], index });
    const key = unitKey(this.state.runId, def.id, where.index);
    const fatal = (error: string) => failUnit(def, unit, error, false, this.now);

    switch (def.kind) {
      case 'action': {
        const contract = this.options.registry.get(def.uses);
        if (!contract) return fatal(`unknown action '${def.uses}'`);
        const rendered = await renderTemplate(def.with, ctx);
        if (!rendered.ok) return fatal(`with: ${rendered.error}`);
        const parsed = contract.input.safeParse(rendered.value);
        if (!parsed.success) {
          unit.input = rendered.value;
          return fatal(`invalid input for ${contract.id}: ${summarize(parsed.error)}`);
        }
        const input = parsed.data as Record<string, unknown>;
        unit.input = input;
        const idempotencyKey = idempotencyKeyFor(contract, input, {
          tenantId: this.state.tenantId,
          runId: this.state.runId,
          stepId: def.id,
          ...(where.index === undefined ? {} : { index: where.index }),
          baseKey: key,
        });
        if (this.state.dryRun && contract.sideEffects) {
          this.commands.push({
            type: 'record-effect',
            ...where,
            actionId: contract.id,
            input,
            idempotencyKey,
          });
          unit.dryRun = true;
          return succeedUnit(unit, contract.dryRunOutput ? contract.dryRunOutput(input) : null, this.now);
        }
        if (def.timeout !== undefined) unit.deadline = this.now + def.timeout;
        this.commands.push({
          type: 'run-action',
          ...where,
          attempt: unit.attempts,
          actionId: contract.id,
          input,
          sideEffects: contract.sideEffects,
          idempotencyKey,
          ...(unit.deadline === undefined ? {} : { deadline: unit.deadline }),
        });
        return;
      }
      case 'call': {
        const chain = [...this.state.callStack, def.call];
        if (this.state.callStack.includes(def.call)) return fatal(`recursion refused: ${chain.join(' → ')}`);
        if (this.state.callStack.length >= MAX_CALL_DEPTH)
          return fatal(`call depth limit ${MAX_CALL_DEPTH} reached: ${chain.join(' → ')}`);
        const rendered = await renderTemplate(def.with, ctx);
        if (!rendered.ok) return fatal(`with: ${rendered.error}`);
        const inputs = rendered.value as Record<string, unknown>;
        unit.input = inputs;
        if (def.timeout !== undefined) unit.deadline = this.now + def.timeout;
        this.commands.push({
          type: 'start-child',
          ...where,
          attempt: unit.attempts,
          playbookId: def.call,
          inputs,
          callStack: this.state.callStack,
          dryRun: this.state.dryRun,
          context: {
            incident: this.state.context.incident,
            alert: this.state.context.alert,
            tenant: this.state.context.tenant,
          },
          childRunKey: `${key}#${unit.attempts}`,
          ...(unit.deadline === undefined ? {} : { deadline: unit.deadline }),
        });
        return;
      }
      case 'wait': {
        let until: number;
        if ('duration' in def.wait) until = this.now + def.wait.duration;
        else {
          const rendered = await renderTemplate(def.wait.until, ctx);
          if (!rendered.ok) return fatal(`until: ${rendered.error}`);
          const t = typeof rendered.value === 'number' ? rendered.value : Date.parse(String(rendered.value));
          if (!Number.isFinite(t)) return fatal(`until: '${String(rendered.value)}' is not a time`);
          until = t;
        }
        unit.input = { until: new Date(until).toISOString() };
        // A dry run shows the path, not the clock: waits end at once.
        if (until <= this.now || this.state.dryRun) {
          return succeedUnit(
            unit,
            { waitedUntil: new Date(Math.min(until, this.now)).toISOString() },
            this.now,
          );
        }
        unit.status = 'waiting';
        unit.until = until;
        this.commands.push({ type: 'wait-until', ...where, until });
        return;
      }
      case 'decision': {
        const prompt = await renderTemplate(def.decision.prompt, ctx);
        if (!prompt.ok) return fatal(`prompt: ${prompt.error}`);
        unit.status = 'waiting';
        unit.input = {
          prompt: String(prompt.value ?? ''),
          role: def.decision.role,
          choices: def.decision.choices,
        };
        if (def.decision.timeout !== undefined) unit.deadline = this.now + def.decision.timeout;
        this.commands.push({
          type: 'await-decision',
          ...where,
          role: def.decision.role,
          prompt: String(prompt.value ?? ''),
          choices: def.decision.choices,
          ...(unit.deadline === undefined ? {} : { deadline: unit.deadline }),
        });
        return;
      }
    }
  }

  /**
   * Nothing moved this pass. Either work is outstanding (wait for events or wakeAt), or the run is stuck on
   * untaken goto targets (skip them and go on), or it is over.
   */
  private async settle(): Promise<boolean> {
    const units = Object.values(this.state.steps).flatMap((s) => s.units);
    const inFlight = units.some((u) => u.status === 'running' || u.status === 'waiting');
    if (this.state.failure) {
      if (inFlight) return false;
      this.stopRemaining();
      this.finish(
        'failed',
        undefined,
        `step ${this.state.failure.stepId} failed: ${this.state.failure.error}`,
      );
      return false;
    }
    if (inFlight || units.some((u) => u.status === 'pending')) return false;
    const pending = this.playbook.steps.filter((d) => this.step(d.id).status === 'pending');
    if (pending.length) {
      const untaken = pending.filter((d) => this.handlers.has(d.id) && !this.step(d.id).activated);
      // Without untaken goto targets, whatever is pending can never become ready; never hang a run on it.
      for (const d of untaken.length ? untaken : pending) {
        this.complete(
          this.step(d.id),
          'skipped',
          null,
          untaken.length ? 'goto target not taken' : 'unreachable',
        );
      }
      return true;
    }
    const outputs = await renderTemplate(this.playbook.outputs, this.context());
    if (!outputs.ok) this.finish('failed', undefined, `outputs: ${outputs.error}`);
    else this.finish('succeeded', outputs.value as Record<string, unknown>);
    return false;
  }

  private stopRemaining(): void {
    for (const st of Object.values(this.state.steps)) {
      for (const u of st.units) {
        if (u.status === 'pending') {
          u.status = 'skipped';
          u.error = RUN_STOPPED;
        }
      }
      if (!TERMINAL_STEP.has(st.status)) {
        const ran = st.units.some((u) => u.status === 'succeeded' || u.status === 'failed');
        if (ran) st.status = 'failed';
        else this.complete(st, 'skipped', null, RUN_STOPPED);
        st.finishedAt = this.now;
      }
    }
  }

  private finish(
    status: 'succeeded' | 'failed' | 'cancelled',
    outputs?: Record<string, unknown>,
    error?: string,
  ): void {
    this.state.status = status;
    this.state.finishedAt = this.now;
    if (outputs) this.state.outputs = outputs;
    if (error) this.state.error = error;
    this.commands.push({
      type: 'run-finished',
      status,
      ...(outputs ? { outputs } : {}),
      ...(error ? { error } : {}),
    });
  }

  private cancel(reason: string): void {
    for (const def of this.playbook.steps) {
      this.step(def.id).units.forEach((u, index) => {
        if (u.status === 'running' && (def.kind === 'action' || def.kind === 'call')) {
          this.commands.push({
            type: 'cancel',
            ...this.where(def, index),
            attempt: u.attempts,
            kind: def.kind,
            reason: 'cancelled',
          });
        }
        if (u.status === 'running' || u.status === 'waiting') {
          u.status = 'failed';
          u.error = 'cancelled';
          u.deadline = undefined;
          u.finishedAt = this.now;
        }
      });
    }
    this.stopRemaining();
    this.finish('cancelled', undefined, `cancelled: ${reason}`);
  }

  private wakeAt(): number | undefined {
    if (this.state.status !== 'running') return undefined;
    let at: number | undefined;
    // Anything due by now was handled in this plan; a due unit still pending is waiting for a concurrency
    // slot, which only an event frees, so waking for it would spin.
    const consider = (t: number | undefined) => {
      if (t !== undefined && t > this.now && (at === undefined || t < at)) at = t;
    };
    for (const st of Object.values(this.state.steps)) {
      for (const u of st.units) {
        if (u.status === 'pending') consider(u.notBefore);
        if (u.status === 'running' || u.status === 'waiting') consider(u.deadline);
        if (u.status === 'waiting') consider(u.until);
      }
    }
    return at;
  }
}
