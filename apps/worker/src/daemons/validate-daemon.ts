import { compileExpression } from '@palisade/playbook/expressions';
import {
  type ErrorCode,
  errorAt,
  offsetInScalar,
  type ParsedSource,
  type PathSegment,
  type PlaybookError,
  parsePlaybook,
  rangeOf,
} from '@palisade/playbook/parse-playbook';
import type { z } from 'zod';
import type { DaemonConnector } from './connector';
import { findConnector } from './connectors/index';
import { DaemonDefinition, scheduleKind } from './definition';

/** One problem in a daemon YAML, 1-based line/column (the playbook editor's error shape). */
export type DaemonError = PlaybookError;

export type ValidatedDaemon = {
  definition: DaemonDefinition;
  /** `inputs` parsed by the kind's config schema. */
  config: unknown;
  connector: DaemonConnector;
};

export type DaemonValidation =
  | { ok: true; daemon: ValidatedDaemon; errors: [] }
  | { ok: false; errors: DaemonError[] };

type Lookup = (kind: string) => DaemonConnector | undefined;

/**
 * Validates a daemon YAML: syntax, the common schema, the kind's `inputs` schema, required secrets,
 * schedule vs. kind, and every JSONata expression (filter, mapping). Every error carries the line and
 * column of the offending node, using the playbook parser's source positions. Never throws.
 */
export function validateDaemon(source: string, lookup: Lookup = findConnector): DaemonValidation {
  const parsed = parsePlaybook(source);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  const errors = new Errors(parsed);
  try {
    const common = DaemonDefinition.safeParse(parsed.value);
    if (!common.success) errors.issues(common.error, []);
    const raw = isRecord(parsed.value) ? parsed.value : {};
    const connector = typeof raw.kind === 'string' ? lookup(raw.kind) : undefined;
    if (typeof raw.kind === 'string' && !connector)
      errors.add('schema', `kind: unknown daemon kind '${raw.kind}'`, ['kind']);
    const config = connector ? connector.configSchema.safeParse(raw.inputs ?? {}) : undefined;
    if (config && !config.success) errors.issues(config.error, ['inputs']);
    if (common.success && connector) {
      const def = common.data;
      const listens = scheduleKind(def.schedule) === 'listen';
      if (listens !== (connector.mode === 'listen')) {
        errors.add(
          'schema',
          listens
            ? `schedule: kind '${def.kind}' runs on a schedule (cron or every)`
            : `schedule: kind '${def.kind}' is a listener: use 'listen: true'`,
          ['schedule'],
        );
      }
      for (const name of connector.requiredSecrets ?? []) {
        if (!def.secrets[name])
          errors.add('missing-input', `secrets.${name}: required by kind '${def.kind}'`, ['secrets']);
      }
      if (def.mapping && connector.output !== 'alerts') {
        errors.add('schema', `mapping: kind '${def.kind}' outputs indicators, not alerts`, ['mapping']);
      }
    }
    if (typeof raw.filter === 'string') errors.expression(raw.filter, ['filter']);
    if (isRecord(raw.mapping)) {
      for (const [field, expr] of Object.entries(raw.mapping)) {
        if (typeof expr === 'string') errors.expression(expr, ['mapping', field]);
      }
    }
    const list = errors.sorted();
    if (list.length === 0 && common.success && connector && config?.success) {
      return { ok: true, daemon: { definition: common.data, config: config.data, connector }, errors: [] };
    }
    return {
      ok: false,
      errors: list.length ? list : [errorAt(parsed, 'internal', 'daemon did not parse', 0, 0, [])],
    };
  } catch (err) {
    const message = `validator failed: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, errors: [errorAt(parsed, 'internal', message, 0, 0, [])] };
  }
}

class Errors {
  private readonly list: DaemonError[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly parsed: ParsedSource) {}

  add(code: ErrorCode, message: string, path: PathSegment[], which: 'value' | 'key' = 'value'): void {
    const [start, end] = rangeOf(this.parsed, path, which);
    this.push(errorAt(this.parsed, code, message, start, end, path));
  }

  issues(error: z.ZodError, prefix: PathSegment[]): void {
    this.issueList(error.issues, prefix);
  }

  private issueList(issues: readonly z.core.$ZodIssue[], prefix: PathSegment[]): void {
    for (const issue of issues) {
      const path = [...prefix, ...(issue.path as PathSegment[])];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // Report the alternative the author meant: the one whose keys they wrote (no unknown keys),
        // then the one they got furthest with (e.g. `every:` with a bad duration).
        const best =
          [...issue.errors].sort(
            (x, y) => foreign(x) - foreign(y) || depth(y) - depth(x) || wrongType(x) - wrongType(y),
          )[0] ?? [];
        if (foreign(best) === 0 && (depth(best) > 0 || wrongType(best) === 0)) {
          this.issueList(best, path);
          continue;
        }
      }
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys)
          this.add('schema', `${pathText([...path, k])}: unknown field '${k}'`, [...path, k], 'key');
        continue;
      }
      const where = pathText(path);
      this.add('schema', where ? `${where}: ${issue.message}` : issue.message, path);
    }
  }

  /** A JSONata syntax error points at the offending character inside the scalar. */
  expression(source: string, path: PathSegment[]): void {
    const r = compileExpression(source);
    if (r.ok) return;
    const at = offsetInScalar(this.parsed, path, r.position);
    this.push(errorAt(this.parsed, 'expression', `${pathText(path)}: ${r.message}`, at, at + 1, path));
  }

  sorted(): DaemonError[] {
    return [...this.list].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private push(e: DaemonError): void {
    const key = `${e.line}:${e.column}:${e.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(e);
  }
}

/** 1 when an alternative found keys it does not know: the author was not writing that one. */
function foreign(issues: readonly z.core.$ZodIssue[]): number {
  return issues.some((i) => i.code === 'unrecognized_keys') ? 1 : 0;
}

/** 1 when an alternative wanted another type altogether (a number where text was written). */
function wrongType(issues: readonly z.core.$ZodIssue[]): number {
  return issues[0]?.code === 'invalid_type' ? 1 : 0;
}

/** How deep into the value an alternative's first problem is: 0 = it did not match at all. */
function depth(issues: readonly z.core.$ZodIssue[]): number {
  const first = issues[0];
  if (!first) return 0;
  return first.code === 'unrecognized_keys' ? 0 : first.path.length;
}

function pathText(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
