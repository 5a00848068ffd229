import { parseSpaceKeyValues, splitUnescaped, trimLineEnd, unescapeCef } from './key-value';

export interface CefRecord {
  /** Whatever preceded `CEF:` (a syslog header), trimmed. */
  prefix: string;
  version: string;
  vendor: string;
  product: string;
  deviceVersion: string;
  signatureId: string;
  name: string;
  severity: string;
  extension: Record<string, string>;
}

const isCefKeyChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  c === 46 ||
  c === 91 ||
  c === 93;

/** ArcSight CEF: `CEF:Version|Vendor|Product|Version|SignatureID|Name|Severity|Extension`. */
export function parseCef(line: string): CefRecord | null {
  const at = line.indexOf('CEF:');
  if (at < 0) return null;
  const { parts, rest } = splitUnescaped(line.slice(at + 4), '|', 7);
  if (parts.length < 7) return null;
  const h = parts.map(unescapeCef);
  return {
    prefix: line.slice(0, at).trim(),
    version: h[0] as string,
    vendor: h[1] as string,
    product: h[2] as string,
    deviceVersion: h[3] as string,
    signatureId: h[4] as string,
    name: h[5] as string,
    severity: (h[6] as string).trim(),
    extension: parseSpaceKeyValues(trimLineEnd(rest), isCefKeyChar),
  };
}
