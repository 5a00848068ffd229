// biome-ignore-all lint/suspicious/noTemplateCurlyInString: playbook expressions are written as ${{ }} on purpose
import { describe, expect, it } from 'vitest';
import { createRunState } from '../src/create-run';
import type { Playbook } from '../src/definition';
import { Playbook as PlaybookSchema } from '../src/definition';
import { plan } from '../src/plan';
import { echoHandler, load, T0, testRegistry } from './fixtures';
import { ReferenceRunner } from './reference-runner';
import { start } from './start';

const child = load(`
id: child
name: Child
version: 1
trigger: { type: called }
inputs:
  n: { type: number, required: true }
outputs:
  doubled: \${{ steps.double.output.value }}
steps:
  - id: double
    uses: test.echo
    with:
      value: \${{ inputs.n * 2 }}
`);

const parent = load(
  `
id: parent
name: Parent
version: 1
trigger: { type: manual }
steps:
  - id: each
    foreach: "[1, 2, 3]"
    concurrency: 3
    call: child
    with:
      n: \${{ item }}
  - id: total
    needs: each
    uses: test.echo
    with:
      value: \${{ $sum(steps.each.output.doubled) }}
`,
  [child],
);

describe('nested playbooks', () => {
  it('starts child runs with inputs and uses their outputs as the step output', async () => {
    const runner = new ReferenceRunner({
      playbooks: [parent, child],
      registry: testRegistry,
      handlers: { 'test.echo': echoHandler() },
    });
    const state = await runner.run('parent');
    expect(state.status).toBe('succeeded');
    expect(state.steps.each?.output).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
    expect(state.steps.total?.output).toEqual({ value: 12 });
    const starts = runner.commands.filter((c) => c.command.type === 'start-child').map((c) => c.command);
    expect(starts).toMatchObject([
      { childRunKey: 'run-1:each:0#1', callStack: ['parent'], inputs: { n: 1 } },
      { childRunKey: 'run-1:each:1#1', inputs: { n: 2 } },
      { childRunKey: 'run-1:each:2#1', inputs: { n: 3 } },
    ]);
  });

  it('fails the call step when the child refuses its inputs', async () => {
    const bad = load(
      `
id: bad-parent
name: Bad parent
version: 1
trigger: { type: manual }
steps:
  - id: c
    call: child
    with: { n: "\${{ 'not a number' }}" }
`,
      [child],
    );
    const runner = new ReferenceRunner({ playbooks: [bad, child], registry: testRegistry, handlers: {} });
    const state = await runner.run('bad-parent');
    expect(state.status).toBe('failed');
    expect(state.steps.c?.error).toMatch(/^input 'n' must be number/);
  });
});

describe('recursion refusal', () => {
  // Built without the validator, which would (rightly) reject them: the engine must refuse on its own.
  const ping = PlaybookSchema.parse({
    id: 'ping',
    name: 'Ping',
    version: 1,
    trigger: { type: 'called' },
    steps: [{ id: 'go', call: 'pong' }],
  });
  const pong = PlaybookSchema.parse({
    id: 'pong',
    name: 'Pong',
    version: 1,
    trigger: { type: 'called' },
    steps: [{ id: 'back', call: 'ping' }],
  });

  it('refuses a call chain that revisits a playbook', async () => {
    const runner = new ReferenceRunner({ playbooks: [ping, pong], registry: testRegistry, handlers: {} });
    const state = await runner.run('ping');
    expect(state.status).toBe('failed');
    expect(state.error).toBe('step go failed: step back failed: recursion refused: ping → pong → ping');
    expect(runner.runs.size).toBe(2); // ping and one pong, never a second ping
  });

  it('createRunState refuses a playbook already on the call stack', () => {
    const r = createRunState({
      playbook: ping,
      runId: 'x',
      tenantId: 't',
      inputs: {},
      parentCallStack: ['ping', 'pong'],
      now: T0,
    });
    expect(r).toEqual({ ok: false, errors: ['recursion refused: ping → pong → ping'] });
  });
});

describe('wait and decision steps', () => {
  const pb = load(`
id: approve
name: Approval
version: 1
trigger: { type: manual }
steps:
  - id: cool_off
    wait: { duration: 10m }
  - id: ask
    needs: cool_off
    decision:
      prompt: "Isolate host \${{ inputs.host }}?"
      role: soc-lead
      choices: [isolate, ignore]
      timeout: 1h
      on_timeout: { goto: escalate }
  - id: isolate
    needs: ask
    if: steps.ask.output.choice = 'isolate'
    uses: test.effect
    with: { value: isolate }
  - id: escalate
    uses: test.effect
    with: { value: escalate }
inputs:
  host: { type: string, default: ws-17 }
`);

  it('waits, asks the role, and follows the choice', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.effect': (i) => ({ output: { done: true, v: i.value } }) },
      decide: () => ({ choice: 'isolate', afterMs: 30_000 }),
    });
    const state = await runner.run('approve');
    expect(state.status).toBe('succeeded');
    const ask = runner.commands.find((c) => c.command.type === 'await-decision');
    expect(ask?.at).toBe(T0 + 600_000);
    expect(ask?.command).toMatchObject({
      role: 'soc-lead',
      prompt: 'Isolate host ws-17?',
      choices: ['isolate', 'ignore'],
      deadline: T0 + 600_000 + 3_600_000,
    });
    expect(state.steps.ask?.output).toEqual({
      choice: 'isolate',
      by: 'analyst-1',
      comment: null,
      timedOut: false,
    });
    expect(runner.startsOf('isolate')[0]?.at).toBe(T0 + 630_000);
    expect(state.steps.escalate?.status).toBe('skipped');
  });

  it('takes the timeout path when nobody answers', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.effect': () => ({ output: { done: true } }) },
    });
    const state = await runner.run('approve');
    expect(state.status).toBe('succeeded');
    expect(state.steps.ask).toMatchObject({ status: 'failed', handled: 'goto', error: 'decision timed out' });
    expect(state.steps.isolate?.status).toBe('skipped');
    expect(runner.startsOf('escalate')[0]?.at).toBe(T0 + 600_000 + 3_600_000);
  });

  it('refuses a choice that was not offered, and a decision for a step not waiting', async () => {
    const s0 = await plan(pb, start(pb), { now: T0, registry: testRegistry });
    const s1 = await plan(pb, s0.state, { now: T0 + 600_000, registry: testRegistry });
    const { applyEvent } = await import('../src/run-event');
    expect(
      applyEvent(pb, s1.state, { type: 'decision.made', stepId: 'ask', choice: 'nuke', by: 'x' }, T0)
        .accepted,
    ).toBe(false);
    expect(
      applyEvent(pb, s1.state, { type: 'decision.made', stepId: 'isolate', choice: 'isolate', by: 'x' }, T0)
        .accepted,
    ).toBe(false);
    expect(
      applyEvent(pb, s1.state, { type: 'decision.made', stepId: 'ask', choice: 'ignore', by: 'x' }, T0)
        .accepted,
    ).toBe(true);
  });

  it('on_timeout choose picks a default answer', async () => {
    const auto = load(`
id: auto
name: Auto
version: 1
trigger: { type: manual }
steps:
  - id: ask
    decision: { prompt: Close?, role: analyst, timeout: 5m, on_timeout: { choose: reject } }
`);
    const runner = new ReferenceRunner({ playbooks: [auto], registry: testRegistry, handlers: {} });
    const state = await runner.run('auto');
    expect(state.steps.ask?.output).toEqual({ choice: 'reject', by: null, comment: null, timedOut: true });
    expect(state.finishedAt).toBe(T0 + 300_000);
  });
});

describe('dry run', () => {
  const pb: Playbook = load(`
id: dry
name: Dry
version: 1
trigger: { type: manual }
steps:
  - id: look
    uses: test.echo
    with: { value: 41 }
  - id: fx
    needs: look
    foreach: "[1, 2]"
    uses: test.effect
    with: { value: "\${{ steps.look.output.value + item }}" }
  - id: pause
    needs: fx
    wait: { duration: 1d }
`);

  it('records side effects instead of performing them, still runs pure actions, and skips waits', async () => {
    const runner = new ReferenceRunner({
      playbooks: [pb],
      registry: testRegistry,
      handlers: { 'test.echo': echoHandler() },
      dryRun: true,
    });
    const state = await runner.run('dry');
    expect(state.status).toBe('succeeded');
    expect(runner.performed.map((p) => p.actionId)).toEqual(['test.echo']);
    const recorded = runner.commands.filter((c) => c.command.type === 'record-effect').map((c) => c.command);
    expect(recorded).toEqual([
      {
        type: 'record-effect',
        stepId: 'fx',
        index: 0,
        actionId: 'test.effect',
        input: { value: 42 },
        idempotencyKey: 'run-1:fx:0',
      },
      {
        type: 'record-effect',
        stepId: 'fx',
        index: 1,
        actionId: 'test.effect',
        input: { value: 43 },
        idempotencyKey: 'run-1:fx:1',
      },
    ]);
    expect(state.steps.fx?.output).toEqual([{ done: false }, { done: false }]);
    expect(state.steps.fx?.units.every((u) => u.dryRun)).toBe(true);
    expect(state.finishedAt).toBe(T0 + 10);
  });
});

describe('idempotency keys', () => {
  it('derives keys from run, step and foreach index, or from the contract', async () => {
    const pb = load(`
id: keys
name: Keys
version: 1
trigger: { type: manual }
steps:
  - id: mail
    uses: email.send
    with: { to: [b@x.io, a@x.io], subject: s, body: b }
  - id: sla
    uses: sla.start
    with: { incidentId: 7f1f3c1e-8a40-4c55-9a7a-1a2b3c4d5e6f }
`);
    const r = await plan(pb, start(pb), { now: T0, registry: testRegistry });
    expect(r.commands.map((c) => (c.type === 'run-action' ? c.idempotencyKey : c.type))).toEqual([
      'email:run-1:mail:a@x.io,b@x.io',
      'sla.start:7f1f3c1e-8a40-4c55-9a7a-1a2b3c4d5e6f',
    ]);
  });
});
