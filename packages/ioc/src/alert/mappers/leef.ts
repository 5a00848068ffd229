import type { AlertMapper } from '../alert-payload';
import { parseLeef } from '../formats/leef';

/** IBM QRadar Log Event Extended Format 1.0 / 2.0. */
export const leefMapper: AlertMapper = {
  name: 'leef',
  detect: (p) => p.kind === 'text' && /^(?:<\d{1,3}>[^\n]{0,200}?)?LEEF:[12]\.0\|/.test(p.text.slice(0, 300)),
  map(p, d) {
    if (p.kind !== 'text') return;
    const r = parseLeef(p.text);
    if (!r) {
      d.warnings.push('LEEF header could not be parsed');
      return;
    }
    const a = r.attributes;
    d.iocSource = { header: { vendor: r.vendor, product: r.product, eventId: r.eventId }, attributes: a };
    d.vendor = r.vendor || null;
    d.product = r.product || null;
    d.ruleId = r.eventId || null;
    d.ruleName = a.name ?? a.cat ?? r.eventId;
    d.title = a.name ?? a.msg ?? `${r.product} ${r.eventId}`.trim();
    d.description = a.msg ?? null;
    d.sourceAlertId = a.externalId ?? a.eventId ?? null;
    d.setSeverity(a.sev ?? a.severity ?? null, 10);
    d.setTime(a.devTime, a.startTime);
    d.hosts(a.identHostName, a.srcHostName ?? a.shost, a.dstHostName ?? a.dhost);
    d.users(a.usrName, a.suser, a.duser, a.accountName);
    d.sourceIps(a.src, a.srcPreNAT);
    d.destinationIps(a.dst, a.dstPreNAT);
    d.sourcePorts(a.srcPort);
    d.destinationPorts(a.dstPort);
    d.urls(a.url);
    d.fileNames(a.fileName, a.fname);
    d.hash(a.fileHash ?? a.sha256 ?? a.md5);
    d.commandLines(a.commandLine, a.CommandLine);
    d.technique(a.technique, a.mitreTechnique);
    d.hint('domain', a.domain);
    d.hint('tenant', a.tenant ?? a.customer);
  },
};
