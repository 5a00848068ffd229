import type { AlertDraft } from './alert-draft';
import type { MapperName } from './mapper-name';

/** A decoded alert: parsed JSON, or one text record (CEF, LEEF, syslog, free text). */
export type AlertPayload = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

export interface MapContext {
  /** Year and clock for formats that omit them (RFC 3164). */
  referenceTime: Date;
}

export interface AlertMapper {
  name: MapperName;
  /** Whether the payload itself says it comes from this source. */
  detect(payload: AlertPayload): boolean;
  map(payload: AlertPayload, draft: AlertDraft, ctx: MapContext): void;
}
