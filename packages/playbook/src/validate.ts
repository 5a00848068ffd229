import type { z } from 'zod';
import type { ActionRegistry, AnyActionContract } from './action-registry';
import { Playbook } from './definition';
import { compileExpression, referencedSteps } from './expressions';
import { paramSchema } from './param';
import {
  type ErrorCode,
  errorAt,
  offsetInScalar,
  type ParsedSource,
  type PathSegment,
  type PlaybookError,
  parsePlaybook,
  rangeOf,
} from './parse-playbook';
import { Step } from './step';
import { bareExpression, hasTemplate, splitTemplate } from './template';

export type { PlaybookError } from './parse-playbook';

export type ValidateOptions = {
  registry: ActionRegistry;
  /** Playbooks a `call` step may name (same tenant); when given, calls are checked for existence, inputs and recursion. */
  playbooks?: ReadonlyMap<string, Playbook>;
};

export type ValidationResult =
  | { ok: true; playbook: Playbook; errors: [] }
  | { ok: false; errors: PlaybookError[] };

type IndexedStep = { index: number; step: Step };

/** Whose expression this is, and which steps it may read: only those certain to have finished. */
type Scope = { owner: string | undefined; readable: ReadonlySet<string> };

/**
 * Validates a YAML or JSON playbook and returns every problem found, each with its position in `source`.
 * Never throws: a checker bug surfaces as an `internal` error rather than a 500 in the editor.
 */
export function validatePlaybook(source: string, options: ValidateOptions): ValidationResult {
  if (typeof source !== 'string') {
    return {
      ok: false,
      errors: [
        {
          code: 'internal',
          message: 'playbook source must be text',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          path: [],
        },
      ],
    };
  }
  let parsed: ParsedSource | undefined;
  try {
    parsed = parsePlaybook(source);
    if (parsed.errors.length) return { ok: false, errors: parsed.errors };
    const errors = new Checker(parsed, options).run();
    const result = Playbook.safeParse(parsed.value);
    if (errors.length === 0 && result.success) return { ok: true, playbook: result.data, errors: [] };
    return { ok: false, errors: errors.length ? errors : [internal(parsed, 'playbook did not parse')] };
  } catch (err) {
    const message = `validator failed: ${err instanceof Error ? err.message : String(err)}`;
    return {
      ok: false,
      errors: [parsed ? internal(parsed, message) : { ...ORIGIN, code: 'internal', message }],
    };
  }
}

const ORIGIN = { line: 1, column: 1, endLine: 1, endColumn: 1, path: [] };

function internal(parsed: ParsedSource, message: string): PlaybookError {
  return errorAt(parsed, 'internal', message, 0, 0, []);
}

function pathText(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class Checker {
  private readonly errors: PlaybookError[] = [];
  private readonly seen = new Set<string>();
  private allIds: ReadonlySet<string> = new Set();

  constructor(
    private readonly parsed: ParsedSource,
    private readonly options: ValidateOptions,
  ) {}

  run(): PlaybookError[] {
    this.schema();
    const raw = isRecord(this.parsed.value) ? this.parsed.value : {};
    const rawSteps = Array.isArray(raw.steps) ? raw.steps : [];
    const steps: IndexedStep[] = [];
    rawSteps.forEach((s, index) => {
      const r = Step.safeParse(s);
      if (r.success) steps.push({ index, step: r.data });
    });
    const ids = new Set(rawSteps.flatMap((s) => (isRecord(s) && typeof s.id === 'string' ? [s.id] : [])));
    this.allIds = ids;
    this.duplicates(rawSteps);
    this.references(steps, ids, rawSteps);
    this.cycles(steps);
    this.expressions(raw, steps);
    this.actions(steps);
    this.calls(steps, typeof raw.id === 'string' ? raw.id : undefined);
    this.eventInputs(raw);
    return this.errors.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private add(code: ErrorCode, message: string, path: PathSegment[], which: 'value' | 'key' = 'value'): void {
    const [start, end] = rangeOf(this.parsed, path, which);
    const key = `${start}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push(errorAt(this.parsed, code, message, start, end, path));
  }

  private addAt(code: ErrorCode, message: string, path: PathSegment[], offset: number): void {
    const key = `${offset}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push(errorAt(this.parsed, code, message, offset, offset + 1, path));
  }

  private schema(): void {
    const r = Playbook.safeParse(this.parsed.value);
    if (r.success) return;
    for (const issue of r.error.issues) this.issue(issue, []);
  }

  private issue(issue: z.core.$ZodIssue, prefix: PathSegment[]): void {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys)
        this.add('schema', `${pathText([...path, k])}: unknown field '${k}'`, [...path, k], 'key');
      return;
    }
    const where = pathText(path.filter((s) => s !== 'kind'));
    this.add('schema', where ? `${where}: ${issue.message}` : issue.message, path);
  }

  private duplicates(rawSteps: unknown[]): void {
    const first = new Map<string, number>();
    rawSteps.forEach((s, i) => {
      if (!isRecord(s) || typeof s.id !== 'string') return;
      const prev = first.get(s.id);
      if (prev === undefined) first.set(s.id, i);
      else
        this.add('duplicate-step', `duplicate step id '${s.id}' (first used by steps[${prev}])`, [
          'steps',
          i,
          'id',
        ]);
    });
  }

  private references(steps: IndexedStep[], ids: Set<string>, rawSteps: unknown[]): void {
    const ancestors = ancestorMap(steps);
    for (const { index, step } of steps) {
      const rawNeeds = isRecord(rawSteps[index]) ? rawSteps[index].needs : undefined;
      step.needs.forEach((need, j) => {
        const path: PathSegment[] = Array.isArray(rawNeeds)
          ? ['steps', index, 'needs', j]
          : ['steps', index, 'needs'];
        if (need === step.id) this.add('cycle', `step '${step.id}' needs itself`, path);
        else if (!ids.has(need))
          this.add('unknown-step', `step '${step.id}' needs unknown step '${need}'`, path);
      });
      const gotos: [string, PathSegment[]][] = [];
      if (typeof step.on_error === 'object')
        gotos.push([step.on_error.goto, ['steps', index, 'on_error', 'goto']]);
      if (step.kind === 'decision') {
        const t = step.decision.on_timeout;
        if (t && 'goto' in t) gotos.push([t.goto, ['steps', index, 'decision', 'on_timeout', 'goto']]);
        if (t && 'choose' in t && !step.decision.choices.includes(t.choose)) {
          this.add(
            'schema',
            `on_timeout chooses '${t.choose}', which is not one of ${step.decision.choices.join(', ')}`,
            ['steps', index, 'decision', 'on_timeout', 'choose'],
          );
        }
      }
      for (const [target, path] of gotos) {
        if (!ids.has(target)) this.add('goto', `goto to unknown step '${target}'`, path);
        else if (target === step.id) this.add('goto', `step '${step.id}' cannot goto itself`, path);
        else if (ancestors.get(step.id)?.has(target)) {
          this.add('goto', `goto target '${target}' is upstream of '${step.id}' (it has already run)`, path);
        }
      }
      if (step.concurrency !== undefined && step.foreach === undefined) {
        this.add('schema', `step '${step.id}': concurrency needs foreach`, ['steps', index, 'concurrency']);
      }
      if ((step.kind === 'wait' || step.kind === 'decision') && step.retry) {
        this.add('schema', `step '${step.id}': retry applies to action and call steps only`, [
          'steps',
          index,
          'retry',
        ]);
      }
      if ((step.kind === 'wait' || step.kind === 'decision') && step.timeout !== undefined) {
        const hint = step.kind === 'decision' ? ' (use decision.timeout)' : '';
        this.add('schema', `step '${step.id}': timeout applies to action and call steps only${hint}`, [
          'steps',
          index,
          'timeout',
        ]);
      }
    }
  }

  private cycles(steps: IndexedStep[]): void {
    const byId = new Map(steps.map((s) => [s.step.id, s]));
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (id: string): void => {
      state.set(id, 'open');
      stack.push(id);
      for (const need of byId.get(id)?.step.needs ?? []) {
        if (need === id || !byId.has(need)) continue;
        if (state.get(need) === 'open') {
          const cycle = [...stack.slice(stack.indexOf(need)), need];
          const at = byId.get(need);
          if (at) this.add('cycle', `cycle in needs: ${cycle.join(' → ')}`, ['steps', at.index, 'needs']);
        } else if (!state.has(need)) visit(need);
      }
      stack.pop();
      state.set(id, 'done');
    };
    for (const { step } of steps) if (!state.has(step.id)) visit(step.id);
  }

  private expressions(raw: Record<string, unknown>, steps: IndexedStep[]): void {
    const trigger = isRecord(raw.trigger) ? raw.trigger : {};
    const ids = new Set(steps.map((s) => s.step.id));
    if (typeof trigger.filter === 'string')
      this.bare(trigger.filter, ['trigger', 'filter'], { owner: undefined, readable: new Set() });
    this.templates(raw.outputs, ['outputs'], { owner: undefined, readable: ids });
    const readable = readableSteps(steps);
    for (const { index, step } of steps) {
      const base: PathSegment[] = ['steps', index];
      const scope: Scope = { owner: step.id, readable: readable.get(step.id) ?? new Set() };
      if (step.if !== undefined) this.bare(step.if, [...base, 'if'], scope);
      if (step.foreach !== undefined) this.bare(step.foreach, [...base, 'foreach'], scope);
      if (step.kind === 'action' || step.kind === 'call') this.templates(step.with, [...base, 'with'], scope);
      if (step.kind === 'wait' && 'until' in step.wait)
        this.templates(step.wait.until, [...base, 'wait', 'until'], scope);
      if (step.kind === 'decision')
        this.templates(step.decision.prompt, [...base, 'decision', 'prompt'], scope);
    }
  }

  private bare(text: string, path: PathSegment[], scope: Scope): void {
    const { source, offset } = bareExpression(text);
    this.compile(source, offset, path, scope);
  }

  private compile(source: string, offset: number, path: PathSegment[], scope: Scope): void {
    const r = compileExpression(source);
    if (!r.ok) {
      const at = offsetInScalar(this.parsed, path, offset + r.position);
      this.addAt('expression', `${pathText(path)}: bad expression: ${r.message}`, path, at);
      return;
    }
    for (const ref of referencedSteps(source)) {
      if (scope.readable.has(ref.stepId)) continue;
      const at = offsetInScalar(this.parsed, path, offset + ref.position);
      const exists = this.allIds.has(ref.stepId);
      if (!exists)
        this.addAt(
          'unknown-step',
          `${pathText(path)}: reads steps.${ref.stepId}, but there is no such step`,
          path,
          at,
        );
      else if (scope.owner === undefined)
        this.addAt('reference', `${pathText(path)}: steps are not available here`, path, at);
      else if (ref.stepId === scope.owner)
        this.addAt('reference', `step '${scope.owner}' reads its own output`, path, at);
      else {
        this.addAt(
          'reference',
          `step '${scope.owner}' reads steps.${ref.stepId} but does not need it, so it may not have run: add it to needs`,
          path,
          at,
        );
      }
    }
  }

  private templates(value: unknown, path: PathSegment[], scope: Scope): void {
    if (typeof value === 'string') {
      const split = splitTemplate(value);
      if (!split.ok) {
        this.addAt(
          'expression',
          `${pathText(path)}: ${split.message}`,
          path,
          offsetInScalar(this.parsed, path, split.offset),
        );
        return;
      }
      for (const part of split.parts)
        if (part.kind === 'expr') this.compile(part.source, part.offset, path, scope);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        this.templates(v, [...path, i], scope);
      });
    } else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) this.templates(v, [...path, k], scope);
    }
  }

  /** Event and schedule runs have nobody to supply inputs, so a required one without default never resolves. */
  private eventInputs(raw: Record<string, unknown>): void {
    const trigger = isRecord(raw.trigger) ? raw.trigger.type : undefined;
    if (trigger === 'manual' || trigger === 'called' || typeof trigger !== 'string' || !isRecord(raw.inputs))
      return;
    for (const [name, p] of Object.entries(raw.inputs)) {
      if (isRecord(p) && p.required === true && p.default === undefined) {
        this.add(
          'missing-input',
          `input '${name}' is required but the ${trigger} trigger cannot supply it; give it a default`,
          ['inputs', name],
          'key',
        );
      }
    }
  }

  private actions(steps: IndexedStep[]): void {
    for (const { index, step } of steps) {
      if (step.kind !== 'action') continue;
      const contract = this.options.registry.get(step.uses);
      if (!contract) {
        this.add('unknown-action', `unknown action '${step.uses}'`, ['steps', index, 'uses']);
        continue;
      }
      this.checkInputs(
        step.with,
        ['steps', index],
        `action ${contract.id}`,
        inputFields(contract),
        hasTemplate(step.with) ? undefined : contract,
      );
    }
  }

  /**
   * Literal inputs are checked against their schema now; templated ones can only be checked at run time.
   * A required input is one whose schema rejects undefined.
   */
  private checkInputs(
    given: Record<string, unknown>,
    stepPath: PathSegment[],
    what: string,
    fields: Map<string, z.ZodType>,
    wholeLiteral: AnyActionContract | undefined,
  ): void {
    const withPath = [...stepPath, 'with'];
    for (const [name, schema] of fields) {
      if (given[name] === undefined && !schema.safeParse(undefined).success) {
        const hasWith = rangeOf(this.parsed, withPath, 'key')[1] > 0 && Object.keys(given).length > 0;
        this.add(
          'missing-input',
          `missing required input '${name}' for ${what}`,
          hasWith ? withPath : stepPath,
          'key',
        );
      }
    }
    for (const [name, value] of Object.entries(given)) {
      const schema = fields.get(name);
      if (!schema) {
        this.add('unknown-input', `unknown input '${name}' for ${what}`, [...withPath, name], 'key');
        continue;
      }
      if (hasTemplate(value)) continue;
      const r = schema.safeParse(value);
      if (!r.success) {
        for (const issue of r.error.issues) {
          const sub = issue.path as PathSegment[];
          this.add('input-type', `input '${[name, ...sub].join('.')}' of ${what}: ${issue.message}`, [
            ...withPath,
            name,
            ...sub,
          ]);
        }
      }
    }
    if (wholeLiteral) {
      const r = wholeLiteral.input.safeParse(given);
      if (!r.success) {
        for (const issue of r.error.issues) {
          if (issue.path.length === 0 && issue.code !== 'unrecognized_keys')
            this.add('input-type', `${what}: ${issue.message}`, withPath);
        }
      }
    }
  }

  private calls(steps: IndexedStep[], selfId: string | undefined): void {
    const library = this.options.playbooks;
    for (const { index, step } of steps) {
      if (step.kind !== 'call') continue;
      const callPath: PathSegment[] = ['steps', index, 'call'];
      if (step.call === selfId) {
        this.add('recursion', `playbook '${selfId}' calls itself`, callPath);
        continue;
      }
      if (!library) continue;
      const child = library.get(step.call);
      if (!child) {
        this.add('unknown-playbook', `unknown playbook '${step.call}'`, callPath);
        continue;
      }
      if (selfId) {
        const chain = callChainTo(library, step.call, selfId);
        if (chain) this.add('recursion', `recursive call: ${[selfId, ...chain].join(' → ')}`, callPath);
      }
      const fields = new Map<string, z.ZodType>(
        Object.entries(child.inputs).map(([name, p]) => {
          const schema = paramSchema(p.type);
          return [name, p.required && p.default === undefined ? schema : schema.optional()];
        }),
      );
      this.checkInputs(step.with, ['steps', index], `playbook ${child.id}`, fields, undefined);
    }
  }
}

function inputFields(contract: AnyActionContract): Map<string, z.ZodType> {
  return new Map(Object.entries(contract.input.shape as Record<string, z.ZodType>));
}

/** The call path from `from` back to `target` through the library, if there is one. */
function callChainTo(
  library: ReadonlyMap<string, Playbook>,
  from: string,
  target: string,
): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string, path: string[]): string[] | undefined => {
    if (id === target) return path;
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const s of library.get(id)?.steps ?? []) {
      if (s.kind !== 'call') continue;
      const found = walk(s.call, [...path, s.call]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(from, [from]);
}

/**
 * Steps whose outcome a step can read: its transitive needs and, for a goto target, the steps that jump to
 * it (they have failed by then) and whatever those could read.
 */
function readableSteps(steps: IndexedStep[]): Map<string, Set<string>> {
  const ancestors = ancestorMap(steps);
  const jumpers = new Map<string, string[]>();
  for (const { step } of steps) {
    const targets = [
      ...(typeof step.on_error === 'object' ? [step.on_error.goto] : []),
      ...(step.kind === 'decision' && step.decision.on_timeout && 'goto' in step.decision.on_timeout
        ? [step.decision.on_timeout.goto]
        : []),
    ];
    for (const t of targets) jumpers.set(t, [...(jumpers.get(t) ?? []), step.id]);
  }
  const out = new Map<string, Set<string>>();
  const of = (id: string, trail: Set<string>): Set<string> => {
    const done = out.get(id);
    if (done) return done;
    const set = new Set(ancestors.get(id) ?? []);
    for (const j of jumpers.get(id) ?? []) {
      set.add(j);
      if (!trail.has(j)) for (const r of of(j, new Set([...trail, j]))) set.add(r);
    }
    out.set(id, set);
    return set;
  };
  for (const { step } of steps) of(step.id, new Set([step.id]));
  return out;
}

/** Transitive `needs` of every step. */
export function ancestorMap(
  steps: readonly { step: Pick<Step, 'id' | 'needs'> }[],
): Map<string, Set<string>> {
  const needs = new Map(steps.map(({ step }) => [step.id, step.needs]));
  const memo = new Map<string, Set<string>>();
  const of = (id: string, trail: Set<string>): Set<string> => {
    const cached = memo.get(id);
    if (cached) return cached;
    const out = new Set<string>();
    for (const n of needs.get(id) ?? []) {
      out.add(n);
      if (trail.has(n)) continue; // cycles are reported elsewhere
      for (const a of of(n, new Set([...trail, n]))) out.add(a);
    }
    memo.set(id, out);
    return out;
  };
  for (const id of needs.keys()) of(id, new Set([id]));
  return memo;
}
