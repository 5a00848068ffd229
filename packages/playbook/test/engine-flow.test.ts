// biome-ignore-all lint/suspicious/noTemplateCurlyInString: playbook expressions are written as ${{ }} on purpose
import { describe, expect, it } from 'vitest';
import { createRunState } from '../src/create-run';
import { plan } from '../src/plan';
import { echoHandler, load, T0, testRegistry } from './fixtures';
import { ReferenceRunner } from './reference-runner';

const diamond = load(`
id: diamond
name: Diamond
version: 1
trigger: { type: manual }
outputs:
  joined: \${{ steps.d.output.value }}
steps:
  - id: a
    uses: test.echo
    with: { value: 1 }
  - id: b
    needs: a
    uses: test.echo
    with: { value: "\${{ steps.a.output.value + 1 }}" }
  - id: c
    needs: a
    uses: test.echo
    with: { value: "\${{ steps.a.output.value + 2 }}" }
  - id: d
    needs: [b, c]
    uses: test.echo
    with: { value: "\${{ steps.b.output.value }}-\${{ steps.c.output.value }}" }
`);

describe('DAG order and parallelism', () => {
  it('runs needs first, independent steps in parallel, and passes outputs along', async () => {
    const runner = new ReferenceRunner({
      playbooks: [diamond],
      registry: testRegistry,
      handlers: { 'test.echo': echoHandler(10) },
    });
    const state = await runner.run('diamond');
    expect(state.status).toBe('succeeded');
    const at = (id: string) => runner.startsOf(id)[0]?.at;
    expect(at('a')).toBe(T0);
    expect(at('b')).toBe(T0 + 10);
    expect(at('c')).toBe(T0 + 10); // parallel with b
    expect(at('d')).toBe(T0 + 20);
    expect(state.steps.d?.output).toEqual({ value: '2-3' });
    expect(state.outputs).toEqual({ joined: '2-3' });
  });

  it('is idempotent: replanning its own output emits nothing new', async () => {
    const created = createRunState({ playbook: diamond, runId: 'r', tenantId: 't', inputs: {}, now: T0 });
    if (!created.ok) throw new Error('setup');
    const first = await plan(diamond, created.state, { now: T0, registry: testRegistry });
    expect(first.commands.map((c) => c.type)).toEqual(['run-action']);
    const again = await plan(diamond, first.state, { now: T0 + 5, registry: testRegistry });
    expect(again.commands).toEqual([]);
    expect(again.state).toEqual(first.state);
  });

  it('does not mutate the state it is given', async () => {
    const created = createRunState({ playbook: diamond, runId: 'r', tenantId: 't', inputs: {}, now: T0 });
    if (!created.ok) throw new Error('setup');
    const snapshot = structuredClone(created.state);
    await plan(diamond, created.state, { now: T0, registry: testRegistry });
    expect(created.state).toEqual(snapshot);
  });
});

describe('conditions and skip propagation', () => {
  const pb = load(`
id: cond
name: Conditions
version: 1
trigger: { type: manual }
inputs:
  severity: { type: string, required: true }
steps:
  - id: high_only
    if: inputs.severity = 'high'
    uses: test.echo
    with: { value: high }
  - id: after_high
    needs: high_only
    uses: test.echo
    with: { value: after }
  - id: join
    needs: after_high
    if: "true"
    uses: test.echo
    with: { value: "\${{ steps.high_only.status }}" }
`);

  it('skips a false condition, propagates the skip, and lets an explicit if decide', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.echo': echoHandler() },
    });
    const state = await runner.run('cond', { severity: 'low' });
    expect(state.status).toBe('succeeded');
    expect(state.steps.high_only?.status).toBe('skipped');
    expect(state.steps.high_only?.skipReason).toBe('condition is false');
    expect(state.steps.after_high?.status).toBe('skipped');
    expect(state.steps.join?.status).toBe('succeeded');
    expect(state.steps.join?.output).toEqual({ value: 'skipped' });
  });

  it('runs the branch when the condition holds', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.echo': echoHandler() },
    });
    const state = await runner.run('cond', { severity: 'high' });
    expect(state.steps.high_only?.status).toBe('succeeded');
    expect(state.steps.after_high?.status).toBe('succeeded');
    expect(state.steps.join?.output).toEqual({ value: 'succeeded' });
  });

  it('refuses to start a run whose required input is missing', () => {
    const r = createRunState({ playbook: pb, runId: 'r', tenantId: 't', inputs: {}, now: T0 });
    expect(r).toEqual({ ok: false, errors: ["missing required input 'severity'"] });
  });
});

describe('foreach', () => {
  const pb = load(`
id: fan
name: Fan out
version: 1
trigger: { type: manual }
inputs:
  hosts: { type: array, default: [h0, h1, h2, h3, h4] }
steps:
  - id: each
    foreach: inputs.hosts
    concurrency: 2
    uses: test.echo
    with: { value: "\${{ index }}:\${{ item }}" }
  - id: none
    foreach: "[]"
    uses: test.echo
    with: { value: x }
`);

  it('bounds concurrency and aggregates item outputs in item order', async () => {
    // later items finish faster, so completion order differs from item order
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: {
        'test.echo': (input, call) => ({ output: { value: input.value }, ms: 50 - (call.index ?? 0) * 10 }),
      },
    });
    const state = await runner.run('fan');
    expect(state.status).toBe('succeeded');
    expect(runner.peak('each')).toBe(2);
    expect(runner.startsOf('each')).toHaveLength(5);
    expect(state.steps.each?.output).toEqual(
      ['0:h0', '1:h1', '2:h2', '3:h3', '4:h4'].map((value) => ({ value })),
    );
    expect(state.steps.none?.status).toBe('succeeded');
    expect(state.steps.none?.output).toEqual([]);
  });

  it('fails fast: once an item fails, pending items are not started', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: {
        'test.echo': (input, call) =>
          call.index === 0
            ? { error: 'boom', retryable: false }
            : { output: { value: input.value }, ms: 100 },
      },
    });
    const state = await runner.run('fan');
    expect(state.status).toBe('failed');
    expect(state.steps.each?.error).toBe('item 0: boom');
    expect(runner.startsOf('each').map((s) => s.index)).toEqual([0, 1]);
    expect(state.steps.each?.units.map((u) => u.status)).toEqual([
      'failed',
      'succeeded',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });
});
