// biome-ignore-all lint/suspicious/noTemplateCurlyInString: playbook expressions are written as ${{ }} on purpose
import { describe, expect, it } from 'vitest';
import {
  compileExpression,
  type ExpressionContext,
  evaluateField,
  isTruthy,
  renderTemplate,
} from './expressions';
import { splitTemplate } from './template';

const ctx: ExpressionContext = {
  incident: {
    id: 'i-1',
    severity: 'high',
    title: 'Phish',
    artifacts: [{ type: 'domain', value: 'evil.com' }],
  },
  inputs: { n: 3 },
  steps: { extract: { status: 'succeeded', output: { iocs: [{ type: 'ip', value: '1.2.3.4' }] } } },
  item: { value: 'x' },
};

describe('renderTemplate', () => {
  it.each([
    ['${{ inputs.n }}', 3],
    ['  ${{ steps.extract.output.iocs }}  ', [{ type: 'ip', value: '1.2.3.4' }]],
    ['n=${{ inputs.n }}', 'n=3'],
    ['${{ incident.severity }}/${{ incident.title }}', 'high/Phish'],
    ['${{ {"a": {"b": 1}} }}', { a: { b: 1 } }],
    ['obj: ${{ {"a": 1} }}', 'obj: {"a":1}'],
    ['missing: [${{ incident.nope }}]', 'missing: []'],
    ['${{ "}}" }}', '}}'],
    ['plain text', 'plain text'],
    ['${{ item.value }}', 'x'],
  ])('%s → %j', async (template, want) => {
    expect(await renderTemplate(template, ctx)).toEqual({ ok: true, value: want });
  });

  it('renders nested objects and arrays, leaving keys alone', async () => {
    expect(await renderTemplate({ '${{ k }}': ['${{ inputs.n + 1 }}', 5, null] }, ctx)).toEqual({
      ok: true,
      value: { '${{ k }}': [4, 5, null] },
    });
  });

  it('reports evaluation errors instead of throwing', async () => {
    const r = await renderTemplate('${{ $undefinedFn(1) }}', ctx);
    expect(r.ok).toBe(false);
    expect(await renderTemplate('${{ 1 +', ctx)).toEqual({
      ok: false,
      error: "unterminated '${{': missing '}}'",
    });
  });
});

describe('safety', () => {
  it('has no route to JavaScript: $eval is JSONata-only and globals are not reachable', async () => {
    expect(await evaluateField('$eval("1 + 1")', ctx)).toEqual({ ok: true, value: 2 });
    expect(await evaluateField('$eval("process.exit(1)")', ctx)).toEqual({ ok: true, value: undefined });
    expect(await evaluateField('constructor', ctx)).toEqual({ ok: true, value: undefined });
  });

  it('stops runaway expressions', async () => {
    const loop = await evaluateField('($f := function($x){ $f($x + 1) + 1 }; $f(0))', ctx);
    expect(loop).toMatchObject({ ok: false });
    const huge = await evaluateField('$count([1..1000000])', ctx);
    expect(huge).toMatchObject({ ok: false });
  });

  it('uses JSONata truthiness', () => {
    expect([undefined, null, false, 0, '', [], {}, [false]].map(isTruthy)).toEqual(Array(8).fill(false));
    expect([true, 1, 'x', [0, 1], { a: 1 }].map(isTruthy)).toEqual(Array(5).fill(true));
  });

  it('tolerates a ${{ }} wrapper on bare-expression fields', async () => {
    expect(await evaluateField('${{ inputs.n > 2 }}', ctx)).toEqual({ ok: true, value: true });
  });
});

describe('compileExpression', () => {
  it('reports where parsing failed', () => {
    expect(compileExpression('a ]')).toEqual({ ok: false, message: 'Syntax error: "]"', position: 2 });
    expect(compileExpression('')).toMatchObject({ ok: false, message: 'empty expression' });
    expect(compileExpression('steps.a.output.x = 1')).toEqual({ ok: true });
  });

  it('splits templates around nested braces and string literals', () => {
    expect(splitTemplate("a ${{ {'x': '}}'} }} b")).toEqual({
      ok: true,
      parts: [
        { kind: 'text', text: 'a ', offset: 0 },
        { kind: 'expr', source: " {'x': '}}'} ", offset: 5 },
        { kind: 'text', text: ' b', offset: 20 },
      ],
    });
  });
});
