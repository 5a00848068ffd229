import { trimLineEnd } from './key-value';

export interface SyslogRecord {
  facility: number;
  severity: number;
  timestamp: string | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: Record<string, Record<string, string>>;
  message: string;
}

const nil = (s: string | undefined): string | null => (s === undefined || s === '-' || s === '' ? null : s);

function parsePri(line: string): { pri: number; end: number } | null {
  if (line[0] !== '<') return null;
  const close = line.indexOf('>');
  if (close < 2 || close > 4) return null;
  const pri = Number(line.slice(1, close));
  if (!Number.isInteger(pri) || pri < 0 || pri > 191) return null;
  return { pri, end: close + 1 };
}

/** RFC 5424 `[id k="v" k2="v\"2"][id2 …]`, read in one pass. */
function parseStructuredData(
  s: string,
  from: number,
): { sd: Record<string, Record<string, string>>; end: number } {
  const sd: Record<string, Record<string, string>> = {};
  let i = from;
  if (s[i] === '-') return { sd, end: i + 1 };
  while (s[i] === '[') {
    let j = i + 1;
    while (j < s.length && s[j] !== ' ' && s[j] !== ']') j++;
    const params: Record<string, string> = {};
    sd[s.slice(i + 1, j)] = params;
    while (j < s.length && s[j] === ' ') {
      const eq = s.indexOf('="', j);
      if (eq < 0) return { sd, end: s.length };
      const name = s.slice(j + 1, eq);
      let k = eq + 2;
      let value = '';
      while (k < s.length && s[k] !== '"') {
        if (s[k] === '\\' && k + 1 < s.length) k++;
        value += s[k];
        k++;
      }
      params[name] = value;
      j = k + 1;
    }
    if (s[j] !== ']') return { sd, end: j };
    i = j + 1;
  }
  return { sd, end: i };
}

/** `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]`. */
export function parseSyslog5424(line: string): SyslogRecord | null {
  const pri = parsePri(line);
  if (!pri || line.slice(pri.end, pri.end + 2) !== '1 ') return null;
  const fields: string[] = [];
  let i = pri.end + 2;
  for (let f = 0; f < 5; f++) {
    const sp = line.indexOf(' ', i);
    if (sp < 0) return null;
    fields.push(line.slice(i, sp));
    i = sp + 1;
  }
  const { sd, end } = parseStructuredData(line, i);
  let message = line.slice(end).replace(/^ /, '');
  if (message.startsWith('\uFEFF')) message = message.slice(1);
  return {
    facility: pri.pri >> 3,
    severity: pri.pri & 7,
    timestamp: nil(fields[0]),
    hostname: nil(fields[1]),
    appName: nil(fields[2]),
    procId: nil(fields[3]),
    msgId: nil(fields[4]),
    structuredData: sd,
    message: trimLineEnd(message),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG`. The format has no year or zone: the year is the
 * reference time's, or the previous one when that would put the event in the future; UTC is assumed.
 */
export function parseSyslog3164(line: string, referenceTime: Date): SyslogRecord | null {
  const pri = parsePri(line);
  if (!pri) return null;
  const m = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\S+) ?/.exec(
    line.slice(pri.end, pri.end + 300),
  );
  if (!m) return null;
  const month = MONTHS.indexOf(m[1] as string);
  if (month < 0) return null;
  let year = referenceTime.getUTCFullYear();
  const at = (y: number): Date =>
    new Date(Date.UTC(y, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
  if (at(year).getTime() > referenceTime.getTime() + 86_400_000) year--;
  const rest = trimLineEnd(line.slice(pri.end + m[0].length));
  const tag = /^([\w./-]{1,48})(?:\[(\w{1,32})\])?: ?/.exec(rest);
  return {
    facility: pri.pri >> 3,
    severity: pri.pri & 7,
    timestamp: at(year).toISOString(),
    hostname: m[6] as string,
    appName: tag ? (tag[1] as string) : null,
    procId: tag?.[2] ?? null,
    msgId: null,
    structuredData: {},
    message: tag ? rest.slice(tag[0].length) : rest,
  };
}

/** Syslog severity 0 (emergency) .. 7 (debug). */
export const SYSLOG_SEVERITY = [
  'critical',
  'critical',
  'critical',
  'high',
  'medium',
  'low',
  'info',
  'info',
] as const;
