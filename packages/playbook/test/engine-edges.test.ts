// biome-ignore-all lint/suspicious/noTemplateCurlyInString: playbook expressions are written as ${{ }} on purpose
import { describe, expect, it } from 'vitest';
import { Playbook } from '../src/definition';
import { plan } from '../src/plan';
import { applyEvent } from '../src/run-event';
import { echoHandler, load, T0, testRegistry } from './fixtures';
import { ReferenceRunner } from './reference-runner';
import { start } from './start';

describe('edges', () => {
  it('waits until a time computed from the context', async () => {
    const pb = load(`
id: until
name: Until
version: 1
trigger: { type: manual }
inputs:
  at: { type: datetime, required: true }
steps:
  - id: hold
    wait: { until: "\${{ inputs.at }}" }
  - id: go
    needs: hold
    uses: test.echo
    with: { value: "\${{ steps.hold.output.waitedUntil }}" }
`);
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.echo': echoHandler() },
    });
    const state = await runner.run('until', { at: '2026-01-01T06:00:00Z' });
    expect(runner.startsOf('go')[0]?.at).toBe(T0 + 6 * 3_600_000);
    expect(state.steps.go?.output).toEqual({ value: '2026-01-01T06:00:00.000Z' });
  });

  it('foreach with on_error continue keeps going and marks failed items null', async () => {
    const pb = load(`
id: partial
name: Partial
version: 1
trigger: { type: manual }
steps:
  - id: each
    foreach: "['a', 'b', 'c']"
    concurrency: 3
    uses: test.echo
    with: { value: "\${{ item }}" }
    on_error: continue
  - id: after
    needs: each
    uses: test.echo
    with: { value: "\${{ $count(steps.each.output[$ != null]) }}" }
`);
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: {
        'test.echo': (i) =>
          i.value === 'b' ? { error: 'nope', retryable: false } : { output: { value: i.value } },
      },
    });
    const state = await runner.run('partial');
    expect(state.status).toBe('succeeded');
    expect(state.steps.each).toMatchObject({ status: 'failed', handled: 'continue', error: 'item 1: nope' });
    expect(state.steps.each?.output).toEqual([{ value: 'a' }, null, { value: 'c' }]);
    expect(state.steps.after?.output).toEqual({ value: 2 });
  });

  it('a call step that times out cancels its child run and retries with a fresh child', async () => {
    const slowChild = load(`
id: slow-child
name: Slow child
version: 1
trigger: { type: called }
steps:
  - id: nap
    wait: { duration: 1h }
`);
    const parent = load(
      `
id: impatient
name: Impatient
version: 1
trigger: { type: manual }
steps:
  - id: c
    call: slow-child
    timeout: 10m
    retry: { count: 1, base: 1s }
`,
      [slowChild],
    );
    const runner = new ReferenceRunner({
      playbooks: [parent, slowChild],
      registry: testRegistry,
      handlers: {},
    });
    const state = await runner.run('impatient');
    expect(state.status).toBe('failed');
    expect(state.error).toBe('step c failed: timed out after 600000ms');
    expect(
      runner.commands.filter((c) => c.command.type === 'start-child').map((c) => c.command),
    ).toMatchObject([{ childRunKey: 'run-1:c#1' }, { childRunKey: 'run-1:c#2' }]);
    expect(runner.runs.get('run-1:c#1')?.state.status).toBe('cancelled');
    expect(runner.runs.get('run-1:c#2')?.state.status).toBe('cancelled');
  });

  it('an if that fails to evaluate fails the step through on_error', async () => {
    const pb = load(`
id: badif
name: Bad if
version: 1
trigger: { type: manual }
steps:
  - id: s
    if: $number('x') > 1
    uses: test.echo
    with: { value: 1 }
    on_error: continue
`);
    const runner = new ReferenceRunner({ playbooks: [pb], registry: testRegistry, handlers: {} });
    const state = await runner.run('badif');
    expect(state.status).toBe('succeeded');
    expect(state.steps.s).toMatchObject({ status: 'failed', handled: 'continue' });
    expect(state.steps.s?.error).toMatch(/^if: /);
  });

  it('refuses malformed events, and events for finished runs', async () => {
    const pb = Playbook.parse({
      id: 'one',
      name: 'One',
      version: 1,
      trigger: { type: 'manual' },
      steps: [{ id: 'a', uses: 'test.echo', with: { value: 1 } }],
    });
    const r0 = await plan(pb, start(pb), { now: T0, registry: testRegistry });
    const bad = applyEvent(pb, r0.state, { type: 'unit.succeeded', stepId: 'a', attempt: 0, output: 1 }, T0);
    expect(bad.accepted).toBe(false);
    const unknown = applyEvent(
      pb,
      r0.state,
      { type: 'unit.succeeded', stepId: 'zz', attempt: 1, output: 1 },
      T0,
    );
    expect(unknown).toMatchObject({ accepted: false, reason: 'no unit zz[0]' });
    const ok = applyEvent(
      pb,
      r0.state,
      { type: 'unit.succeeded', stepId: 'a', attempt: 1, output: { value: 1 } },
      T0 + 1,
    );
    expect(ok.accepted).toBe(true);
    const done = await plan(pb, ok.state, { now: T0 + 1, registry: testRegistry });
    expect(done.commands).toEqual([{ type: 'run-finished', status: 'succeeded', outputs: {} }]);
    expect(
      applyEvent(pb, done.state, { type: 'unit.succeeded', stepId: 'a', attempt: 1, output: {} }, T0 + 2),
    ).toMatchObject({
      accepted: false,
      reason: 'run is succeeded',
    });
  });

  it('fails a step whose action vanished from the registry after validation', async () => {
    const pb = Playbook.parse({
      id: 'gone',
      name: 'Gone',
      version: 1,
      trigger: { type: 'manual' },
      steps: [{ id: 'a', uses: 'retired.action' }],
    });
    const r = await plan(pb, start(pb), { now: T0, registry: testRegistry });
    expect(r.state.status).toBe('failed');
    expect(r.commands).toEqual([
      { type: 'run-finished', status: 'failed', error: "step a failed: unknown action 'retired.action'" },
    ]);
  });
});
