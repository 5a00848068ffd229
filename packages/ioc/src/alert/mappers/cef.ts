import type { AlertDraft } from '../alert-draft';
import type { AlertMapper } from '../alert-payload';
import { parseCef } from '../formats/cef';

/** Custom string fields (`cs1`..`cs6`) by what their label says they hold. */
export function mapLabelledCustomFields(ext: Record<string, string>, d: AlertDraft): void {
  for (let n = 1; n <= 6; n++) {
    const value = ext[`cs${n}`];
    const label = (ext[`cs${n}Label`] ?? '').toLowerCase();
    if (!value || !label) continue;
    if (label.includes('command')) d.commandLines(value);
    else if (label.includes('technique') || label.includes('mitre')) d.technique(...value.split(/[,\s]+/));
    else if (label.includes('hash') || label.includes('sha') || label.includes('md5')) d.hash(value);
    else if (label.includes('url')) d.urls(value);
    else if (label.includes('customer') || label.includes('tenant') || label.includes('client'))
      d.hint(`cs${n}`, value);
  }
}

/** ArcSight Common Event Format, bare or behind a syslog header. */
export const cefMapper: AlertMapper = {
  name: 'cef',
  detect: (p) => p.kind === 'text' && /^(?:<\d{1,3}>[^\n]{0,200}?)?CEF:\d+\|/.test(p.text.slice(0, 300)),
  map(p, d) {
    if (p.kind !== 'text') return;
    const r = parseCef(p.text);
    if (!r) {
      d.warnings.push('CEF header could not be parsed');
      return;
    }
    const x = r.extension;
    d.iocSource = {
      header: {
        vendor: r.vendor,
        product: r.product,
        version: r.deviceVersion,
        signatureId: r.signatureId,
        name: r.name,
      },
      extension: x,
    };
    d.vendor = r.vendor || null;
    d.product = r.product || null;
    d.title = r.name;
    d.ruleId = r.signatureId || null;
    d.ruleName = r.name || null;
    d.description = x.msg ?? x.reason ?? null;
    d.sourceAlertId = x.externalId ?? x.eventId ?? null;
    d.setSeverity(r.severity === '' ? null : r.severity, 10);
    d.setTime(x.rt, x.end, x.start, x.deviceReceiptTime);
    d.hosts(x.dhost, x.shost, x.dvchost);
    d.users(x.suser, x.duser);
    d.sourceIps(x.src, x.c6a2);
    d.destinationIps(x.dst, x.c6a3);
    d.sourcePorts(x.spt);
    d.destinationPorts(x.dpt);
    d.urls(x.request);
    d.fileNames(x.fname, x.oldFileName);
    d.hash(x.fileHash);
    d.hash(x.oldFileHash);
    d.commandLines(x.sproc?.includes(' ') ? x.sproc : null);
    mapLabelledCustomFields(x, d);
    d.hint('deviceExternalId', x.deviceExternalId);
    d.hint('dvchost', x.dvchost);
  },
};
