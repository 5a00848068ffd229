import jsonata from 'jsonata';
import { z } from 'zod';
import type { AlertDraft } from '../alert-draft';
import type { AlertMapper, AlertPayload } from '../alert-payload';
import { field, isRecord, raw, str, strs } from '../field';
import { NormalizeAlertError } from '../normalize-alert-error';

const Expr = z.string().min(1).max(2000);

/**
 * A tenant's declarative mapping for a JSON source: each standard field is a JSONata expression
 * evaluated against the alert (for text input, against `{ "message": <text> }`).
 */
export const GenericMapping = z
  .object({
    title: Expr.optional(),
    description: Expr.optional(),
    severity: Expr.optional(),
    /** Top of the source's numeric severity scale (10 when omitted). */
    severityScale: z.number().positive().optional(),
    eventTime: Expr.optional(),
    vendor: Expr.optional(),
    product: Expr.optional(),
    sourceAlertId: Expr.optional(),
    ruleId: Expr.optional(),
    ruleName: Expr.optional(),
    hosts: Expr.optional(),
    users: Expr.optional(),
    sourceIps: Expr.optional(),
    destinationIps: Expr.optional(),
    sourcePorts: Expr.optional(),
    destinationPorts: Expr.optional(),
    urls: Expr.optional(),
    fileNames: Expr.optional(),
    fileHashes: Expr.optional(),
    processCommandLines: Expr.optional(),
    mitreTechniques: Expr.optional(),
    clientHints: Expr.optional(),
  })
  .strict();
export type GenericMapping = z.infer<typeof GenericMapping>;

type ExprField = Exclude<keyof GenericMapping, 'severityScale'>;

/** Guards against a tenant expression that loops or recurses without end. */
const EVAL_LIMITS = { timeout: 500, stack: 300 };

const compiled = new WeakMap<GenericMapping, Map<ExprField, jsonata.Expression>>();

/** Compiles every expression; throws ALERT_MAPPING_INVALID naming the first field that does not parse. */
export function compileGenericMapping(mapping: GenericMapping): Map<ExprField, jsonata.Expression> {
  const cached = compiled.get(mapping);
  if (cached) return cached;
  const parsed = GenericMapping.safeParse(mapping);
  if (!parsed.success) throw new NormalizeAlertError('ALERT_MAPPING_INVALID', parsed.error.message);
  const out = new Map<ExprField, jsonata.Expression>();
  for (const [key, expr] of Object.entries(parsed.data)) {
    if (key === 'severityScale' || typeof expr !== 'string') continue;
    try {
      out.set(key as ExprField, jsonata(expr, EVAL_LIMITS));
    } catch (err) {
      const msg = isRecord(err) && typeof err.message === 'string' ? err.message : 'syntax error';
      throw new NormalizeAlertError('ALERT_MAPPING_INVALID', `mapping field "${key}": ${msg}`);
    }
  }
  compiled.set(mapping, out);
  return out;
}

function flatten(v: unknown): string[] {
  const out: string[] = [];
  const visit = (x: unknown, depth: number): void => {
    if (depth > 4) return;
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' && Number.isFinite(x)) out.push(String(x));
    else if (Array.isArray(x)) for (const y of x) visit(y, depth + 1);
  };
  visit(v, 0);
  return out;
}

export async function applyGenericMapping(
  mapping: GenericMapping,
  p: AlertPayload,
  d: AlertDraft,
): Promise<void> {
  const exprs = compileGenericMapping(mapping);
  const input = p.kind === 'json' ? p.value : { message: p.text };
  const values = new Map<ExprField, string[]>();
  for (const [key, expr] of exprs) {
    try {
      values.set(key, flatten(await expr.evaluate(input)));
    } catch (err) {
      const msg = isRecord(err) && typeof err.message === 'string' ? err.message : 'evaluation failed';
      d.warnings.push(`mapping field "${key}" failed: ${msg}`);
    }
  }
  const one = (k: ExprField): string | null => values.get(k)?.[0] ?? null;
  const all = (k: ExprField): string[] => values.get(k) ?? [];
  d.title = one('title');
  d.description = one('description');
  if (values.has('severity')) d.setSeverity(one('severity'), mapping.severityScale ?? 10);
  d.setTime(one('eventTime'));
  d.vendor = one('vendor');
  d.product = one('product');
  d.sourceAlertId = one('sourceAlertId');
  d.ruleId = one('ruleId');
  d.ruleName = one('ruleName');
  d.hosts(...all('hosts'));
  d.users(...all('users'));
  d.sourceIps(...all('sourceIps'));
  d.destinationIps(...all('destinationIps'));
  d.sourcePorts(...all('sourcePorts'));
  d.destinationPorts(...all('destinationPorts'));
  d.urls(...all('urls'));
  d.fileNames(...all('fileNames'));
  for (const h of all('fileHashes')) d.hash(h);
  d.commandLines(...all('processCommandLines'));
  d.technique(...all('mitreTechniques'));
  for (const h of all('clientHints')) d.hint('mapping.clientHints', h);
}

/**
 * No mapping configured and no known source: take the usual field names where they exist. IOC
 * extraction over every string field happens for all payloads, so nothing is lost here.
 */
export const genericMapper: AlertMapper = {
  name: 'generic',
  detect: () => true,
  map(p, d) {
    if (p.kind === 'text') {
      const firstLine = p.text.trimStart().split('\n', 1)[0] ?? '';
      d.title = firstLine.slice(0, 200) || 'Text alert';
      d.description = p.text;
      d.setSeverity(null, 10);
      return;
    }
    const v = p.value;
    d.title = str(
      v,
      'title',
      'name',
      'alert_name',
      'alertName',
      'rule.name',
      'rule_name',
      'signature',
      'summary',
      'message',
      'msg',
    );
    d.description = str(v, 'description', 'details', 'message', 'msg');
    d.setSeverity(raw(v, 'severity', 'severity_label', 'level', 'priority', 'risk_score', 'urgency'), 10);
    d.setTime(
      field(v, 'timestamp'),
      field(v, '@timestamp'),
      field(v, 'time'),
      field(v, 'event_time'),
      field(v, 'created_at'),
    );
    d.vendor = str(v, 'vendor', 'source.vendor');
    d.product = str(v, 'product', 'source.product', 'source');
    d.sourceAlertId = str(v, 'id', 'alert_id', 'alertId', 'event_id', 'uuid');
    d.ruleId = str(v, 'rule.id', 'rule_id', 'ruleId');
    d.ruleName = str(v, 'rule.name', 'rule_name', 'ruleName');
    d.hosts(...strs(v, 'host.name', 'hostname', 'host', 'computer', 'device'));
    d.users(...strs(v, 'user.name', 'username', 'user'));
    d.sourceIps(...strs(v, 'source.ip', 'src_ip', 'srcip', 'source_ip', 'src'));
    d.destinationIps(
      ...strs(v, 'destination.ip', 'dst_ip', 'dstip', 'dest_ip', 'destination_ip', 'dst', 'dest'),
    );
    d.sourcePorts(...strs(v, 'source.port', 'src_port', 'srcport'));
    d.destinationPorts(...strs(v, 'destination.port', 'dst_port', 'dstport', 'dest_port'));
    d.commandLines(...strs(v, 'process.command_line', 'command_line', 'commandline', 'cmdline'));
    d.fileNames(...strs(v, 'file.name', 'filename', 'file_name'));
    for (const k of ['tenant', 'customer', 'client', 'organization', 'company'])
      d.hint(k, str(v, k, `${k}.name`));
  },
};
