// biome-ignore-all lint/suspicious/noTemplateCurlyInString: playbook expressions are written as ${{ }} on purpose
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { builtinRegistry } from './builtin-actions';
import type { Playbook } from './definition';
import { type PlaybookError, validatePlaybook } from './validate';

const registry = builtinRegistry;
const brief = (errors: PlaybookError[]) => errors.map((e) => `${e.line}:${e.column} ${e.code} ${e.message}`);

function errorsOf(src: string, playbooks?: ReadonlyMap<string, Playbook>): string[] {
  const r = validatePlaybook(src, { registry, ...(playbooks ? { playbooks } : {}) });
  return r.ok ? [] : brief(r.errors);
}

const HEAD = `id: demo
name: Demo
version: 1
trigger: { type: manual }
`;

describe('validatePlaybook', () => {
  it('accepts a valid playbook and returns it typed, with defaults applied', () => {
    const r = validatePlaybook(
      `${HEAD}steps:
  - id: note
    uses: incident.comment
    with:
      incidentId: \${{ incident.id }}
      body: "Severity \${{ incident.severity }}"
`,
      { registry },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.playbook.steps[0]).toMatchObject({ kind: 'action', id: 'note', needs: [], on_error: 'fail' });
  });

  it('accepts JSON, however indented, and locates its errors too', () => {
    const doc = {
      id: 'j',
      name: 'J',
      version: 2,
      trigger: { type: 'alert.received', filter: "alert.source = 'edr'" },
      steps: [{ id: 'x', uses: 'var.set', with: { value: 'a\tb' } }],
    };
    expect(errorsOf(JSON.stringify(doc, null, 2))).toEqual([]);
    expect(errorsOf(JSON.stringify(doc, null, '\t'))).toEqual([]);
    expect(errorsOf(JSON.stringify({ ...doc, version: '2' }))).toEqual([
      '1:32 schema version: Invalid input: expected number, received string',
    ]);
  });

  it('reports YAML syntax errors with position', () => {
    expect(errorsOf('id: a\nname: [unclosed\n')[0]).toMatch(/^\d+:\d+ yaml /);
    expect(errorsOf('a: 1\na: 2\n')).toEqual(['2:1 yaml Map keys must be unique']);
  });

  it('maps schema errors back to the YAML node, including unknown keys and bad cron', () => {
    expect(
      errorsOf(`id: Demo_Bad
name: Demo
version: 0
trigger: { type: schedule, cron: "61 * * * *" }
colour: blue
steps:
  - id: s
    uses: var.set
    with: { value: 1 }
    retry: { count: -1 }
`),
    ).toEqual([
      '1:5 schema id: playbook id must be lowercase letters, digits and -',
      '3:10 schema version: Too small: expected number to be >=1',
      "4:34 schema trigger.cron: invalid cron '61 * * * *': Constraint error, got value 61 expected range 0-59",
      "5:1 schema colour: unknown field 'colour'",
      '10:21 schema steps[0].retry.count: Too small: expected number to be >=0',
    ]);
  });

  it('reports a step with no kind, and duplicate ids', () => {
    expect(
      errorsOf(`${HEAD}steps:
  - id: a
    uses: var.set
    with: { value: 1 }
  - id: a
    uses: var.set
    with: { value: 2 }
  - id: b
    needs: a
`),
    ).toEqual([
      "9:9 duplicate-step duplicate step id 'a' (first used by steps[0])",
      '12:5 schema steps[2]: a step needs exactly one of uses, call, wait or decision',
    ]);
  });

  it('reports unknown actions, unknown needs, cycles, missing and mistyped inputs', () => {
    expect(
      errorsOf(`${HEAD}steps:
  - id: a
    needs: [c, ghost]
    uses: var.set
    with: { value: 1 }
  - id: b
    needs: a
    uses: incident.commnet
  - id: c
    needs: b
    uses: incident.comment
    with:
      incidentId: 42
      visibility: public
      colour: red
`),
    ).toEqual([
      '7:12 cycle cycle in needs: a → c → b → a',
      "7:16 unknown-step step 'a' needs unknown step 'ghost'",
      "12:11 unknown-action unknown action 'incident.commnet'",
      "16:5 missing-input missing required input 'body' for action incident.comment",
      "17:19 input-type input 'incidentId' of action incident.comment: Invalid input: expected string, received number",
      '18:19 input-type input \'visibility\' of action incident.comment: Invalid option: expected one of "internal"|"client"',
      "19:7 unknown-input unknown input 'colour' for action incident.comment",
    ]);
  });

  it('points at the offending character of a bad expression', () => {
    const errors = errorsOf(`${HEAD}steps:
  - id: a
    if: steps.x.output = = 1
    uses: var.set
    with:
      value: "count: \${{ $count(steps.a.output }}"
  - id: b
    foreach: \${{ [1, 2 }}
    uses: var.set
    with: { value: x }
`);
    expect(errors).toEqual([
      '7:26 expression steps[0].if: bad expression: The symbol "=" cannot be used as a unary operator',
      '10:48 expression steps[0].with.value: bad expression: Expected ")" before end of expression',
      '12:24 expression steps[1].foreach: bad expression: Expected "]" before end of expression',
    ]);
  });

  it('reports a required input that an event trigger can never supply', () => {
    expect(
      errorsOf(`id: ev
name: Ev
version: 1
trigger: { type: incident.created }
inputs:
  threshold: { type: number, required: true }
  label: { type: string, required: true, default: x }
steps:
  - id: a
    uses: var.set
    with: { value: 1 }
`),
    ).toEqual([
      "6:3 missing-input input 'threshold' is required but the incident.created trigger cannot supply it; give it a default",
    ]);
  });

  it('reports expressions reading steps that may not have run', () => {
    expect(
      errorsOf(`${HEAD}outputs:
  x: \${{ steps.ghost.output }}
steps:
  - id: a
    uses: var.set
    with: { value: "\${{ steps.b.output.value }}" }
    on_error: { goto: fix }
  - id: b
    if: steps.b.status = 'x'
    uses: var.set
    with: { value: 1 }
  - id: fix
    uses: var.set
    with: { value: "\${{ steps.a.error }}" }
`),
    ).toEqual([
      '6:16 unknown-step outputs.x: reads steps.ghost, but there is no such step',
      "10:31 reference step 'a' reads steps.b but does not need it, so it may not have run: add it to needs",
      "13:15 reference step 'b' reads its own output",
    ]);
  });

  it('reports goto targets that do not exist or are upstream, and a bad on_timeout choice', () => {
    expect(
      errorsOf(`${HEAD}steps:
  - id: a
    uses: var.set
    with: { value: 1 }
  - id: b
    needs: a
    uses: var.set
    with: { value: 1 }
    on_error: { goto: a }
  - id: c
    uses: var.set
    with: { value: 1 }
    on_error: { goto: nowhere }
  - id: d
    decision: { prompt: ok?, role: lead, timeout: 1h, on_timeout: { choose: maybe } }
`),
    ).toEqual([
      "13:23 goto goto target 'a' is upstream of 'b' (it has already run)",
      "17:23 goto goto to unknown step 'nowhere'",
      "19:77 schema on_timeout chooses 'maybe', which is not one of approve, reject",
    ]);
  });

  it('checks calls against the playbook library: existence, inputs, recursion', () => {
    const lib = new Map<string, Playbook>();
    const child = validatePlaybook(
      `id: child
name: Child
version: 1
trigger: { type: called }
inputs:
  n: { type: number, required: true }
steps:
  - id: back
    call: demo
`,
      { registry },
    );
    if (!child.ok) throw new Error(brief(child.errors).join('\n'));
    lib.set('child', child.playbook);
    expect(
      errorsOf(
        `${HEAD}steps:
  - id: a
    call: child
    with: { n: "x" }
  - id: b
    call: missing
  - id: c
    call: demo
`,
        lib,
      ),
    ).toEqual([
      '7:11 recursion recursive call: demo → child → demo',
      "8:16 input-type input 'n' of playbook child: Invalid input: expected number, received string",
      "10:11 unknown-playbook unknown playbook 'missing'",
      "12:11 recursion playbook 'demo' calls itself",
    ]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = validatePlaybook(text, { registry });
        expect(r.ok).toBe(false);
        for (const e of r.ok ? [] : r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on structurally plausible documents', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('${{ x }}', '${{ ( }}', 'a.b = 1'),
    );
    const step = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string({ maxLength: 4 })),
        uses: fc.constantFrom('var.set', 'incident.comment', 'nope', 'email.send'),
        call: fc.constantFrom('demo', 'other'),
        wait: fc.oneof(fc.record({ duration: fc.constantFrom('5m', 'x', 3) }), scalar),
        needs: fc.oneof(fc.array(fc.constantFrom('a', 'b', 'c', 'z')), scalar),
        if: scalar,
        foreach: scalar,
        with: fc.dictionary(fc.constantFrom('value', 'body', 'incidentId', 'to'), scalar),
        on_error: fc.oneof(
          fc.constantFrom('fail', 'continue'),
          fc.record({ goto: fc.constantFrom('a', 'b', 'q') }),
          scalar,
        ),
        retry: fc.record({ count: fc.integer({ min: -2, max: 30 }) }),
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        id: fc.constantFrom('demo', 'Bad Id'),
        name: scalar,
        version: fc.integer({ min: -1, max: 3 }),
        trigger: fc.oneof(
          fc.record({
            type: fc.constantFrom('manual', 'schedule', 'x'),
            cron: fc.constantFrom('* * * * *', 'bad'),
          }),
          scalar,
        ),
        steps: fc.oneof(fc.array(step, { maxLength: 5 }), scalar),
        extra: scalar,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, fc.boolean(), (value, asJson) => {
        const text = asJson ? JSON.stringify(value) : stringify(value);
        const r = validatePlaybook(text, { registry });
        expect(Array.isArray(r.errors)).toBe(true);
        if (!r.ok) expect(r.errors.every((e) => e.code !== 'internal')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
