import type { Ioc, IocLocation, IocType } from './ioc';
import { refangWithOffsets } from './refang';
import { type ScanContext, type ScanHit, scan } from './scanner';
import { asnFromDigits } from './validators/asn';

export interface ExtractOptions {
  /** Only these types; all when omitted. */
  types?: readonly IocType[];
  /** JSON nesting deeper than this is not walked (default 64). */
  maxDepth?: number;
  /** Strings, arrays and objects visited in a JSON input before giving up (default 1,000,000). */
  maxNodes?: number;
}

export interface ExtractReport {
  iocs: Ioc[];
  /** Why part of the input was not examined (too deep, too many nodes, cycles). */
  warnings: string[];
}

const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_NODES = 1_000_000;

/** Extracts IOCs from free text (spans are offsets into it) or a parsed JSON value (spans within the field at `path`). */
export function extract(input: unknown, options: ExtractOptions = {}): Ioc[] {
  return extractReport(input, options).iocs;
}

export function extractReport(input: unknown, options: ExtractOptions = {}): ExtractReport {
  const sink = new IocSink(options.types);
  const warnings: string[] = [];
  if (typeof input === 'string') {
    scanInto(sink, input, undefined, {});
  } else if (input !== null && typeof input === 'object') {
    walkJson(sink, input, options, warnings);
  } else if (typeof input === 'number' || typeof input === 'bigint' || typeof input === 'boolean') {
    scanInto(sink, String(input), undefined, {});
  }
  return { iocs: sink.result(), warnings };
}

class IocSink {
  /** type → value → IOC; nested maps avoid building a key string per occurrence. */
  private readonly byType = new Map<IocType, Map<string, Ioc>>();
  private readonly order: Ioc[] = [];
  private readonly only: ReadonlySet<IocType> | null;

  constructor(types: readonly IocType[] | undefined) {
    this.only = types ? new Set(types) : null;
  }

  add(hit: ScanHit, location: IocLocation): void {
    if (this.only && !this.only.has(hit.type)) return;
    let byValue = this.byType.get(hit.type);
    if (!byValue) {
      byValue = new Map();
      this.byType.set(hit.type, byValue);
    }
    const existing = byValue.get(hit.value);
    if (existing) {
      existing.locations.push(location);
      return;
    }
    const ioc: Ioc = { type: hit.type, value: hit.value, locations: [location] };
    if (hit.tags) ioc.tags = hit.tags;
    if (hit.name) ioc.name = hit.name;
    if (hit.tactics) ioc.tactics = hit.tactics;
    byValue.set(hit.value, ioc);
    this.order.push(ioc);
  }

  result(): Ioc[] {
    return this.order;
  }
}

function scanInto(sink: IocSink, text: string, path: string | undefined, ctx: ScanContext): void {
  const refanged = refangWithOffsets(text);
  for (const hit of scan(refanged.text, ctx)) {
    const span = refanged.toOriginal(hit.start, hit.end);
    sink.add(hit, path === undefined ? span : { path, start: span.start, end: span.end });
  }
}

const FILE_NAME_PARENTS = new Set([
  'file',
  'process',
  'parent',
  'dll',
  'driver',
  'attachment',
  'image',
  'module',
  'target',
]);

const simplify = (k: string): string => k.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Field names whose value is a bare file name (ECS `file.name`, Sysmon `Image`, Defender `FileName`…). */
function isFileNameField(key: string, parentKey: string): boolean {
  const segments = key.split('.');
  const last = simplify(segments[segments.length - 1] ?? '');
  const parent = simplify(segments.length > 1 ? (segments[segments.length - 2] ?? '') : parentKey);
  if (last === 'name' || last === 'names') return FILE_NAME_PARENTS.has(parent);
  return (
    last.endsWith('filename') ||
    last.endsWith('processname') ||
    last.endsWith('imagename') ||
    last === 'image' ||
    last === 'parentimage' ||
    last === 'fname' ||
    last === 'filenames'
  );
}

/** Keys that hold identifiers, whose hex values look like hashes but are not. */
function isIdentifierField(key: string): boolean {
  const segments = key.split('.');
  const last = simplify(segments[segments.length - 1] ?? '');
  return (
    last.endsWith('id') ||
    last.endsWith('ids') ||
    last.endsWith('uuid') ||
    last.endsWith('guid') ||
    last.endsWith('idstring') ||
    last === 'etag' ||
    last === 'sid'
  );
}

function isVersionField(key: string): boolean {
  const segments = key.split('.');
  const last = simplify(segments[segments.length - 1] ?? '');
  return last.includes('version') || last === 'build' || last === 'useragent' || last === 'ua';
}

function isMessageIdField(key: string): boolean {
  const segments = key.split('.');
  const last = simplify(segments[segments.length - 1] ?? '');
  return last.endsWith('messageid') || last === 'msgid' || last === 'inreplyto' || last === 'references';
}

function isAsnField(key: string, parentKey: string): boolean {
  const segments = key.split('.');
  const last = simplify(segments[segments.length - 1] ?? '');
  const parent = simplify(segments.length > 1 ? (segments[segments.length - 2] ?? '') : parentKey);
  return last === 'asn' || last === 'asnumber' || (last === 'number' && parent === 'as');
}

const joinPath = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);

function walkJson(sink: IocSink, root: object, options: ExtractOptions, warnings: string[]): void {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let budget = options.maxNodes ?? DEFAULT_MAX_NODES;
  const seen = new WeakSet<object>();
  let tooDeep = false;
  let overBudget = false;

  // Explicit stack: recursion depth must not depend on the input.
  const stack: Array<{ value: unknown; path: string; key: string; parentKey: string; depth: number }> = [
    { value: root, path: '', key: '', parentKey: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, key, parentKey, depth } = stack.pop() as (typeof stack)[number];
    if (--budget < 0) {
      overBudget = true;
      break;
    }
    if (typeof value === 'string') {
      if (isAsnField(key, parentKey)) {
        const asn = asnFromDigits(value.replace(/^AS[N]?/i, ''));
        if (asn)
          sink.add(
            { type: 'asn', value: asn, start: 0, end: value.length },
            { path, start: 0, end: value.length },
          );
      }
      scanInto(sink, value, path, {
        fileNameField: isFileNameField(key, parentKey),
        identifierField: isIdentifierField(key),
        versionField: isVersionField(key),
        messageIdField: isMessageIdField(key),
      });
      continue;
    }
    if (typeof value === 'number') {
      if (Number.isInteger(value) && isAsnField(key, parentKey)) {
        const text = String(value);
        const asn = asnFromDigits(text);
        if (asn)
          sink.add(
            { type: 'asn', value: asn, start: 0, end: text.length },
            { path, start: 0, end: text.length },
          );
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (depth >= maxDepth) {
      tooDeep = true;
      continue;
    }
    const children: Array<(typeof stack)[number]> = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        children.push({ value: value[i], path: `${path}[${i}]`, key, parentKey, depth: depth + 1 });
      }
    } else {
      for (const [k, v] of Object.entries(value)) {
        children.push({ value: v, path: joinPath(path, k), key: k, parentKey: key, depth: depth + 1 });
      }
    }
    // Reverse so that fields are visited (and IOCs first seen) in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as (typeof stack)[number]);
  }
  if (tooDeep) warnings.push(`JSON nested deeper than ${maxDepth} levels was not examined`);
  if (overBudget) warnings.push('JSON too large: only the first part was examined');
}
