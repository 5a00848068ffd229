import { extractReport } from '../extract';
import type { Ioc } from '../ioc';
import { AlertDraft } from './alert-draft';
import type { AlertMapper, AlertPayload } from './alert-payload';
import type { MapperName } from './mapper-name';
import { cefMapper } from './mappers/cef';
import { crowdstrikeMapper } from './mappers/crowdstrike';
import { elasticMapper } from './mappers/elastic';
import { applyGenericMapping, type GenericMapping, genericMapper } from './mappers/generic';
import { leefMapper } from './mappers/leef';
import { microsoftDefenderMapper } from './mappers/microsoft-defender';
import { microsoftSentinelMapper } from './mappers/microsoft-sentinel';
import { splunkMapper } from './mappers/splunk';
import { syslogRfc3164Mapper } from './mappers/syslog-rfc3164';
import { syslogRfc5424Mapper } from './mappers/syslog-rfc5424';
import { wazuhMapper } from './mappers/wazuh';
import { NormalizeAlertError } from './normalize-alert-error';
import type { StandardAlert } from './standard-alert';

export interface NormalizeAlertOptions {
  /** `auto` (default) detects the source; a name forces that mapper; an object is a tenant's JSONata mapping. */
  mapper?: 'auto' | MapperName | GenericMapping;
  /** Larger inputs are refused (default 2 MiB of text, or that many UTF-16 units for strings). */
  maxBytes?: number;
  /** JSON below this depth is kept in `raw` but not searched for IOCs (default 32). */
  maxDepth?: number;
  /** Clock for formats without a year (RFC 3164); defaults to now. */
  referenceTime?: Date;
}

export type NormalizeAlertResult =
  | { ok: true; alert: StandardAlert; iocs: Ioc[]; mapper: MapperName; warnings: string[] }
  | { ok: false; error: NormalizeAlertError; warnings: string[] };

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 32;

/** Detection order matters: specific shapes before the loose ones they could resemble. */
const MAPPERS: readonly AlertMapper[] = [
  microsoftSentinelMapper,
  microsoftDefenderMapper,
  crowdstrikeMapper,
  elasticMapper,
  splunkMapper,
  wazuhMapper,
  cefMapper,
  leefMapper,
  syslogRfc5424Mapper,
  syslogRfc3164Mapper,
];

const BY_NAME = new Map<MapperName, AlertMapper>([...MAPPERS, genericMapper].map((m) => [m.name, m]));

function fail(
  code: NormalizeAlertError['code'],
  message: string,
  warnings: string[] = [],
): NormalizeAlertResult {
  return { ok: false, error: new NormalizeAlertError(code, message), warnings };
}

/** Control characters other than tab/newline/CR in the first 4 KiB mark the input as binary. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.05;
}

function decode(
  input: unknown,
  maxBytes: number,
): { payload: AlertPayload } | { error: NormalizeAlertResult } {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    if (bytes.byteLength > maxBytes)
      return { error: fail('ALERT_TOO_LARGE', `alert is ${bytes.byteLength} bytes`) };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { error: fail('ALERT_BINARY', 'alert bytes are not UTF-8 text') };
    }
  } else if (input !== null && typeof input === 'object') {
    return { payload: { kind: 'json', value: input } };
  } else {
    return { error: fail('ALERT_EMPTY', `alert is ${input === null ? 'null' : typeof input}`) };
  }
  if (text.length > maxBytes) return { error: fail('ALERT_TOO_LARGE', `alert is ${text.length} characters`) };
  if (looksBinary(text)) return { error: fail('ALERT_BINARY', 'alert contains binary data') };
  const trimmed = text.trim();
  if (trimmed === '') return { error: fail('ALERT_EMPTY', 'alert is empty') };
  if (trimmed[0] === '{' || trimmed[0] === '[') {
    try {
      return { payload: { kind: 'json', value: JSON.parse(trimmed) as unknown } };
    } catch (err) {
      const msg = err instanceof Error ? err.message : 'parse error';
      return { error: fail('ALERT_INVALID_JSON', `alert is not valid JSON: ${msg}`) };
    }
  }
  return { payload: { kind: 'text', text: trimmed } };
}

function mergeIocs(alert: StandardAlert, iocs: Ioc[]): void {
  const urls = new Set(alert.urls);
  const hashes = new Set(alert.fileHashes.map((h) => h.value));
  const techniques = new Set(alert.mitreTechniques.map((t) => t.id));
  for (const ioc of iocs) {
    if (ioc.type === 'url' && !urls.has(ioc.value)) {
      urls.add(ioc.value);
      alert.urls.push(ioc.value);
    } else if (
      (ioc.type === 'md5' || ioc.type === 'sha1' || ioc.type === 'sha256' || ioc.type === 'sha512') &&
      !hashes.has(ioc.value)
    ) {
      hashes.add(ioc.value);
      alert.fileHashes.push({ type: ioc.type, value: ioc.value });
    } else if (ioc.type === 'mitre_technique' && !techniques.has(ioc.value)) {
      techniques.add(ioc.value);
      alert.mitreTechniques.push({ id: ioc.value, name: ioc.name ?? null, tactics: ioc.tactics ?? [] });
    }
  }
}

/**
 * Maps one alert (JSON text, parsed JSON, bytes, or a CEF/LEEF/syslog/free-text record) onto
 * the standard shape and extracts its IOCs. Never throws: unusable input is an `ok: false` result.
 */
export async function normalizeAlert(
  input: unknown,
  options: NormalizeAlertOptions = {},
): Promise<NormalizeAlertResult> {
  const warnings: string[] = [];
  try {
    const decoded = decode(input, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if ('error' in decoded) return decoded.error;
    let payload = decoded.payload;
    if (payload.kind === 'json' && Array.isArray(payload.value)) {
      if (payload.value.length === 1) payload = { kind: 'json', value: payload.value[0] };
      else warnings.push('alert is a JSON array; mapped as one generic alert');
    }
    const choice = options.mapper ?? 'auto';
    const ctx = { referenceTime: options.referenceTime ?? new Date() };
    let mapperName: MapperName;
    let draft: AlertDraft;

    if (typeof choice === 'object') {
      mapperName = 'generic';
      draft = new AlertDraft('generic');
      try {
        await applyGenericMapping(choice, payload, draft);
      } catch (err) {
        if (err instanceof NormalizeAlertError) return { ok: false, error: err, warnings };
        throw err;
      }
    } else {
      let mapper =
        choice === 'auto'
          ? (MAPPERS.find((m) => safeDetect(m, payload)) ?? genericMapper)
          : (BY_NAME.get(choice) ?? genericMapper);
      if (choice !== 'auto' && choice !== 'generic' && !safeDetect(mapper, payload)) {
        warnings.push(`payload does not look like ${choice}; mapped as requested`);
      }
      draft = new AlertDraft(mapper.name);
      try {
        mapper.map(payload, draft, ctx);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        warnings.push(`${mapper.name} mapper failed (${msg}); fell back to generic`);
        mapper = genericMapper;
        draft = new AlertDraft('generic');
        genericMapper.map(payload, draft, ctx);
      }
      mapperName = mapper.name;
    }

    const source = payload.kind === 'json' ? payload.value : payload.text;
    const report = extractReport(draft.iocSource ?? source, {
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    });
    warnings.push(...draft.warnings, ...report.warnings);
    const alert = draft.finish(source);
    mergeIocs(alert, report.iocs);
    return { ok: true, alert, iocs: report.iocs, mapper: mapperName, warnings };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return fail('ALERT_MAPPING_FAILED', `alert could not be normalized: ${msg}`, warnings);
  }
}

function safeDetect(m: AlertMapper, p: AlertPayload): boolean {
  try {
    return m.detect(p);
  } catch {
    return false;
  }
}
