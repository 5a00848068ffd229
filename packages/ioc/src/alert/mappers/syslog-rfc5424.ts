import type { AlertMapper } from '../alert-payload';
import { parseSyslog5424, SYSLOG_SEVERITY } from '../formats/syslog';

/** RFC 5424 syslog; structured-data parameters with common names become fields. */
export const syslogRfc5424Mapper: AlertMapper = {
  name: 'syslog_rfc5424',
  detect: (p) => p.kind === 'text' && /^<\d{1,3}>1 /.test(p.text),
  map(p, d) {
    if (p.kind !== 'text') return;
    const r = parseSyslog5424(p.text);
    if (!r) {
      d.warnings.push('RFC 5424 header could not be parsed');
      return;
    }
    d.iocSource = {
      hostname: r.hostname,
      appName: r.appName,
      structuredData: r.structuredData,
      message: r.message,
    };
    d.product = r.appName;
    d.title = r.message.split('\n')[0]?.slice(0, 200) || `${r.appName ?? 'syslog'} ${r.msgId ?? ''}`.trim();
    d.description = r.message || null;
    d.ruleId = r.msgId;
    d.ruleName = r.msgId;
    d.severityRaw = r.severity;
    d.severity = SYSLOG_SEVERITY[r.severity] ?? 'info';
    d.setTime(r.timestamp);
    d.hosts(r.hostname);
    for (const [id, params] of Object.entries(r.structuredData)) {
      d.sourceIps(params.src, params.srcip, params.src_ip);
      d.destinationIps(params.dst, params.dstip, params.dst_ip);
      d.users(params.user, params.username);
      d.sourceAlertId ??= params.eventId ?? params.alertId ?? null;
      d.hint(`${id}.tenant`, params.tenant ?? params.customer);
    }
  },
};
