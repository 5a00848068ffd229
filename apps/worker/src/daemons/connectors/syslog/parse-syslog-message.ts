import { parseCef } from '@palisade/ioc/formats/cef';
import { parseLeef } from '@palisade/ioc/formats/leef';
import { parseSyslog3164, parseSyslog5424, type SyslogRecord } from '@palisade/ioc/formats/syslog';

export type SyslogFormat = 'rfc5424' | 'rfc3164' | 'cef' | 'leef' | 'text';

/** A received syslog message as the daemon's filter and mapping see it. */
export type SyslogEvent = {
  format: SyslogFormat;
  /** The full message as received. */
  message: string;
  sourceAddress: string;
  receivedAt: string;
  /** Syslog header fields (absent for a bare CEF/LEEF line without header). */
  syslog: Omit<SyslogRecord, 'message'> | null;
  /** The syslog MSG part (after the header). */
  body: string;
  cef: ReturnType<typeof parseCef> | null;
  leef: ReturnType<typeof parseLeef> | null;
};

/**
 * Reads the syslog header (RFC 5424, else RFC 3164) with @palisade/ioc's tokenizers, then the
 * payload as CEF or LEEF when it is one. Anything else is kept as text: a message is never dropped
 * for its format, the filter decides.
 */
export function parseSyslogMessage(message: string, sourceAddress: string, receivedAt: Date): SyslogEvent {
  const header = parseSyslog5424(message) ?? parseSyslog3164(message, receivedAt);
  // Searched in the whole message: RFC 3164's tag rule would take `CEF:` for a program name.
  const cef = message.includes('CEF:') ? parseCef(message) : null;
  const leef = !cef && message.includes('LEEF:') ? parseLeef(message) : null;
  const marker = cef ? message.indexOf('CEF:') : leef ? message.indexOf('LEEF:') : -1;
  const body = marker >= 0 ? message.slice(marker) : header ? header.message : message;
  let syslog: SyslogEvent['syslog'] = null;
  if (header) {
    const { message: _msg, ...rest } = header;
    syslog = rest;
  }
  const format: SyslogFormat = cef
    ? 'cef'
    : leef
      ? 'leef'
      : header
        ? message.slice(message.indexOf('>') + 1).startsWith('1 ')
          ? 'rfc5424'
          : 'rfc3164'
        : 'text';
  return { format, message, sourceAddress, receivedAt: receivedAt.toISOString(), syslog, body, cef, leef };
}
