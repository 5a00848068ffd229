import type { AlertMapper } from '../alert-payload';
import { parseSyslog3164, SYSLOG_SEVERITY } from '../formats/syslog';

/** BSD syslog (RFC 3164). */
export const syslogRfc3164Mapper: AlertMapper = {
  name: 'syslog_rfc3164',
  detect: (p) => p.kind === 'text' && /^<\d{1,3}>[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d /.test(p.text),
  map(p, d, ctx) {
    if (p.kind !== 'text') return;
    const r = parseSyslog3164(p.text, ctx.referenceTime);
    if (!r) {
      d.warnings.push('RFC 3164 header could not be parsed');
      return;
    }
    d.product = r.appName;
    d.title = r.message.slice(0, 200) || r.appName || 'syslog message';
    d.description = r.message || null;
    d.severityRaw = r.severity;
    d.severity = SYSLOG_SEVERITY[r.severity] ?? 'info';
    d.eventTime = r.timestamp;
    d.hosts(r.hostname);
  },
};
