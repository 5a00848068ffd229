import jsonata from 'jsonata';
import { bareExpression, splitTemplate, wholeExpression } from './template';

/**
 * What expressions see. `steps.<id>` carries `output`, `status` and `error` so that a join step can test
 * how an upstream step ended; `item`/`index` exist only inside a foreach unit.
 */
export type ExpressionContext = {
  incident?: unknown;
  alert?: unknown;
  inputs: Record<string, unknown>;
  steps: Record<string, { output?: unknown; status: string; error?: string }>;
  tenant?: unknown;
  run?: { id: string; dryRun: boolean; playbookId: string };
  item?: unknown;
  index?: number;
  /** incident.updated trigger filters only: changed fields as { from, to } */
  changes?: unknown;
};

export type CompileResult = { ok: true } | { ok: false; message: string; position: number };

export type EvalResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Guardrails so a tenant-authored expression cannot hang or exhaust a worker: JSONata checks them between
 * evaluation steps (error codes D1011/D1012) and on sequence construction.
 */
const LIMITS = { timeout: 1_000, stack: 300, sequence: 100_000 } as const;

const cache = new Map<string, jsonata.Expression>();
const CACHE_MAX = 5_000;

function compile(source: string): jsonata.Expression {
  let expr = cache.get(source);
  if (!expr) {
    expr = jsonata(source, { timeout: LIMITS.timeout, stack: LIMITS.stack, sequence: LIMITS.sequence });
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(source, expr);
  }
  return expr;
}

function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string' && err.message) {
    return err.message;
  }
  if (err && typeof err === 'object' && 'code' in err) return `expression error ${String(err.code)}`;
  return String(err);
}

/** Position is a 0-based offset into `source` of where the parser gave up. */
export function compileExpression(source: string): CompileResult {
  if (source.trim() === '') return { ok: false, message: 'empty expression', position: 0 };
  try {
    compile(source);
    return { ok: true };
  } catch (err) {
    const pos =
      err && typeof err === 'object' && 'position' in err && typeof err.position === 'number'
        ? err.position
        : 0;
    const token =
      err && typeof err === 'object' && 'token' in err && typeof err.token === 'string' ? err.token : '';
    // JSONata reports the offset just past the offending token; point at its start instead.
    const start = Math.max(0, Math.min(source.length, pos - (token && token !== '(end)' ? token.length : 0)));
    return { ok: false, message: errorMessage(err), position: start };
  }
}

export type StepReference = { stepId: string; position: number };

/**
 * The `steps.<id>` paths an expression reads, with the 0-based offset of each id, so the validator can
 * tell a reference to a step that may not have run yet. Empty when the expression does not compile.
 */
export function referencedSteps(source: string): StepReference[] {
  let ast: unknown;
  try {
    ast = compile(source).ast();
  } catch {
    return [];
  }
  const refs: StepReference[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const n = node as { type?: string; steps?: { type?: string; value?: unknown; position?: number }[] };
    const [head, id] = n.steps ?? [];
    if (n.type === 'path' && head?.type === 'name' && head.value === 'steps' && id?.type === 'name') {
      const name = String(id.value);
      refs.push({ stepId: name, position: Math.max(0, (id.position ?? name.length) - name.length) });
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(ast);
  return refs;
}

/** JSONata sequences and lambdas are not data; outputs and inputs must survive a JSON column. */
function toPlain(value: unknown): unknown {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, (_k, v) => (typeof v === 'function' ? undefined : v));
  return json === undefined ? undefined : JSON.parse(json);
}

export async function evaluateExpression(source: string, context: ExpressionContext): Promise<EvalResult> {
  try {
    const value = await compile(source).evaluate(context);
    return { ok: true, value: toPlain(value) };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

/** JSONata's own truthiness (`$boolean`), so `if: steps.x.output.hits` behaves as authors expect. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

/** Evaluates a bare-expression field such as `if`, `foreach` or a trigger `filter`. */
export async function evaluateField(text: string, context: ExpressionContext): Promise<EvalResult> {
  return evaluateExpression(bareExpression(text).source, context);
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

async function renderString(text: string, context: ExpressionContext): Promise<EvalResult> {
  const split = splitTemplate(text);
  if (!split.ok) return { ok: false, error: split.message };
  const whole = wholeExpression(split.parts);
  if (whole?.kind === 'expr') return evaluateExpression(whole.source, context);
  let out = '';
  for (const part of split.parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const r = await evaluateExpression(part.source, context);
    if (!r.ok) return r;
    out += stringify(r.value);
  }
  return { ok: true, value: out };
}

/** Renders every `${{ }}` found anywhere in a JSON-like value; keys are never templated. */
export async function renderTemplate(value: unknown, context: ExpressionContext): Promise<EvalResult> {
  if (typeof value === 'string') return renderString(value, context);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      const r = await renderTemplate(v, context);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = await renderTemplate(v, context);
      if (!r.ok) return { ok: false, error: `${k}: ${r.error}` };
      if (r.value !== undefined) out[k] = r.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value };
}
