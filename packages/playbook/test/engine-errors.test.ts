// biome-ignore-all lint/suspicious/noTemplateCurlyInString: playbook expressions are written as ${{ }} on purpose
import { describe, expect, it } from 'vitest';
import { plan } from '../src/plan';
import { applyEvent } from '../src/run-event';
import { echoHandler, load, T0, testRegistry } from './fixtures';
import { ReferenceRunner } from './reference-runner';
import { start } from './start';

const retrying = load(`
id: retrying
name: Retries
version: 1
trigger: { type: manual }
steps:
  - id: flaky
    uses: test.effect
    with: { value: 1 }
    retry: { count: 3, backoff: exponential, base: 1s }
`);

describe('retries', () => {
  it('retries with exponential backoff and keeps one idempotency key across attempts', async () => {
    const runner = new ReferenceRunner({
      playbooks: [retrying],
      registry: testRegistry,
      handlers: {
        'test.effect': (_i, call) =>
          call.attempt < 3 ? { error: '503', ms: 10 } : { output: { done: true }, ms: 10 },
      },
    });
    const state = await runner.run('retrying');
    expect(state.status).toBe('succeeded');
    const starts = runner.startsOf('flaky');
    expect(starts.map((s) => [s.attempt, s.at - T0])).toEqual([
      [1, 0],
      [2, 10 + 1_000],
      [3, 10 + 1_000 + 10 + 2_000],
    ]);
    expect(new Set(runner.performed.map((p) => p.key))).toEqual(new Set(['run-1:flaky']));
    expect(state.steps.flaky?.units[0]?.attempts).toBe(3);
  });

  it('fails the run when attempts are exhausted', async () => {
    const runner = new ReferenceRunner({
      playbooks: [retrying],
      registry: testRegistry,
      handlers: { 'test.effect': () => ({ error: 'down' }) },
    });
    const state = await runner.run('retrying');
    expect(state.status).toBe('failed');
    expect(runner.startsOf('flaky')).toHaveLength(4);
    expect(state.error).toBe('step flaky failed: down');
  });

  it('does not retry an error marked non-retryable', async () => {
    const runner = new ReferenceRunner({
      playbooks: [retrying],
      registry: testRegistry,
      handlers: { 'test.effect': () => ({ error: 'bad request', retryable: false }) },
    });
    expect((await runner.run('retrying')).status).toBe('failed');
    expect(runner.startsOf('flaky')).toHaveLength(1);
  });

  it('fails without retry when the rendered input breaks the action schema', async () => {
    const pb = load(`
id: badinput
name: Bad input
version: 1
trigger: { type: manual }
steps:
  - id: mail
    uses: email.send
    retry: { count: 5 }
    with:
      to: "\${{ ['not-an-email'] }}"
      subject: hi
      body: hello
`);
    const runner = new ReferenceRunner({ playbooks: [pb], registry: testRegistry, handlers: {} });
    const state = await runner.run('badinput');
    expect(state.status).toBe('failed');
    expect(runner.starts).toHaveLength(0);
    expect(state.steps.mail?.error).toMatch(/^invalid input for email\.send: to\.0: /);
  });
});

describe('retries inside foreach', () => {
  it('a unit in backoff frees its slot, and a due unit waiting for a slot does not make the planner spin', async () => {
    const pb = load(`
id: fanretry
name: Fan retry
version: 1
trigger: { type: manual }
steps:
  - id: each
    foreach: "[1, 2, 3]"
    concurrency: 1
    uses: test.effect
    with: { value: "\${{ item }}" }
    retry: { count: 1, base: 1s }
`);
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: {
        'test.effect': (_i, call) =>
          call.attempt === 1 ? { error: 'busy', ms: 5 } : { output: { done: true }, ms: 10 },
      },
    });
    const state = await runner.run('fanretry');
    expect(state.status).toBe('succeeded');
    expect(runner.peak('each')).toBe(1);
    expect(runner.startsOf('each').map((s) => [s.index, s.attempt, s.at - T0])).toEqual([
      [0, 1, 0],
      [1, 1, 5],
      [2, 1, 10],
      [0, 2, 1_005],
      [1, 2, 1_015],
      [2, 2, 1_025],
    ]);
  });
});

describe('timeouts', () => {
  const pb = load(`
id: slow
name: Slow
version: 1
trigger: { type: manual }
steps:
  - id: call_out
    uses: test.effect
    with: { value: 1 }
    timeout: 5s
    retry: { count: 1, base: 100ms }
`);

  it('times out a hung attempt, cancels it, retries, and ignores the late reply of the old attempt', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: {
        'test.effect': (_i, call) =>
          call.attempt === 1 ? { output: { done: true }, ms: 60_000 } : { output: { done: true }, ms: 10 },
      },
    });
    const state = await runner.run('slow');
    expect(state.status).toBe('succeeded');
    expect(runner.startsOf('call_out').map((s) => s.at - T0)).toEqual([0, 5_100]);
    expect(runner.commands.filter((c) => c.command.type === 'cancel').map((c) => c.at - T0)).toEqual([5_000]);
    // the first attempt's reply at 60s arrives after the run finished
    expect(runner.rejected.map((r) => r.reason)).toEqual(['run is succeeded']);
  });

  it('fails the run when every attempt times out', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.effect': () => ({ hang: true }) },
    });
    const state = await runner.run('slow');
    expect(state.status).toBe('failed');
    expect(state.error).toBe('step call_out failed: timed out after 5000ms');
    expect(state.finishedAt).toBe(T0 + 5_000 + 100 + 5_000);
  });

  it('refuses a stale result for an attempt that is no longer current', async () => {
    const started = await plan(pb, start(pb), { now: T0, registry: testRegistry });
    const timedOut = await plan(pb, started.state, { now: T0 + 5_000, registry: testRegistry });
    expect(timedOut.state.steps.call_out?.units[0]?.status).toBe('pending');
    const late = applyEvent(
      pb,
      timedOut.state,
      { type: 'unit.succeeded', stepId: 'call_out', attempt: 1, output: { done: true } },
      T0 + 5_001,
    );
    expect(late.accepted).toBe(false);
  });
});

describe('on_error', () => {
  const pb = load(`
id: errors
name: Error paths
version: 1
trigger: { type: manual }
inputs:
  mode: { type: string, required: true }
steps:
  - id: risky
    uses: test.effect
    with: { value: 1 }
    on_error: continue
  - id: after_risky
    needs: risky
    uses: test.echo
    with: { value: "\${{ steps.risky.status }}: \${{ steps.risky.error }}" }
  - id: guarded
    if: inputs.mode = 'goto'
    uses: test.effect
    with: { value: 2 }
    on_error: { goto: recover }
  - id: after_guarded
    needs: guarded
    uses: test.echo
    with: { value: after }
  - id: recover
    uses: test.echo
    with: { value: "recovering from \${{ steps.guarded.error }}" }
`);

  const failing = { 'test.effect': () => ({ error: 'nope', retryable: false }), 'test.echo': echoHandler() };

  it('continue: the failure is recorded and dependents still run', async () => {
    const runner = new ReferenceRunner({ playbooks: [pb], registry: testRegistry, handlers: failing });
    const state = await runner.run('errors', { mode: 'none' });
    expect(state.status).toBe('succeeded');
    expect(state.steps.risky).toMatchObject({ status: 'failed', handled: 'continue', error: 'nope' });
    expect(state.steps.after_risky?.output).toEqual({ value: 'failed: nope' });
    expect(state.steps.recover).toMatchObject({ status: 'skipped', skipReason: 'goto target not taken' });
  });

  it('goto: the target runs, the failed step’s dependents are skipped, the run succeeds', async () => {
    const runner = new ReferenceRunner({ playbooks: [pb], registry: testRegistry, handlers: failing });
    const state = await runner.run('errors', { mode: 'goto' });
    expect(state.status).toBe('succeeded');
    expect(state.steps.guarded).toMatchObject({ status: 'failed', handled: 'goto' });
    expect(state.steps.after_guarded?.status).toBe('skipped');
    expect(state.steps.recover?.output).toEqual({ value: 'recovering from nope' });
  });

  it('a goto target does not run when nothing jumps to it', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.effect': () => ({ output: { done: true } }), 'test.echo': echoHandler() },
    });
    const state = await runner.run('errors', { mode: 'goto' });
    expect(state.steps.after_guarded?.status).toBe('succeeded');
    expect(runner.startsOf('recover')).toHaveLength(0);
  });
});

describe('cancel and re-run', () => {
  const pb = load(`
id: two
name: Two
version: 1
trigger: { type: manual }
steps:
  - id: first
    uses: test.effect
    with: { value: 1 }
  - id: second
    needs: first
    uses: test.effect
    with: { value: 2 }
`);

  it('cancels in-flight work and stops the run', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.effect': () => ({ output: { done: true }, ms: 1_000 }) },
      inject: [{ at: T0 + 500, event: { type: 'run.cancel', reason: 'analyst' } }],
    });
    const state = await runner.run('two');
    expect(state.status).toBe('cancelled');
    expect(runner.commands.map((c) => c.command.type)).toEqual(['run-action', 'cancel', 'run-finished']);
    expect(state.steps.second?.status).toBe('skipped');
  });

  it('re-runs a failed step and what follows it, keeping the same idempotency keys', async () => {
    let broken = true;
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: {
        'test.effect': (i) =>
          broken && i.value === 2 ? { error: 'x', retryable: false } : { output: { done: true } },
      },
    });
    const failed = await runner.run('two');
    expect(failed.status).toBe('failed');
    broken = false;
    const r = applyEvent(pb, failed, { type: 'step.rerun', stepId: 'second' }, T0 + 100);
    expect(r.accepted).toBe(true);
    const resumed = await plan(pb, r.state, { now: T0 + 100, registry: testRegistry });
    expect(resumed.commands).toMatchObject([
      { type: 'run-action', stepId: 'second', idempotencyKey: 'run-1:second', attempt: 1 },
    ]);
    expect(resumed.state.steps.first?.status).toBe('succeeded');
  });
});
