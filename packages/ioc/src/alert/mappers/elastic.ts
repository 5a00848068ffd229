import type { AlertMapper, AlertPayload } from '../alert-payload';
import { field, isRecord, list, num, raw, str, strs } from '../field';

/** The alert document, also when wrapped in a search hit (`{_id, _index, _source}`). */
function doc(p: AlertPayload): unknown {
  if (p.kind !== 'json') return undefined;
  const src = field(p.value, '_source');
  return isRecord(src) ? src : p.value;
}

/** Elastic Security detection alert (`.alerts-security.alerts-*`), nested or with dotted keys. */
export const elasticMapper: AlertMapper = {
  name: 'elastic',
  detect: (p) => {
    const v = doc(p);
    return field(v, 'kibana.alert.rule.name') !== undefined || field(v, 'kibana.alert.uuid') !== undefined;
  },
  map(p, d) {
    const v = doc(p);
    d.vendor = 'Elastic';
    d.product = 'Elastic Security';
    d.ruleName = str(v, 'kibana.alert.rule.name', 'signal.rule.name');
    d.ruleId = str(v, 'kibana.alert.rule.rule_id', 'kibana.alert.rule.uuid', 'signal.rule.id');
    d.title = d.ruleName;
    d.description = str(v, 'kibana.alert.reason', 'kibana.alert.rule.description', 'message');
    d.sourceAlertId = str(v, 'kibana.alert.uuid') ?? (p.kind === 'json' ? str(p.value, '_id') : null);
    const sev = raw(v, 'kibana.alert.severity', 'signal.rule.severity');
    if (sev !== null) d.setSeverity(sev, 10);
    else d.setSeverity(num(v, 'kibana.alert.risk_score', 'signal.rule.risk_score'), 100);
    d.setTime(field(v, 'kibana.alert.original_time'), field(v, '@timestamp'));
    d.hosts(...strs(v, 'host.name', 'host.hostname'));
    d.users(...strs(v, 'user.name', 'user.target.name', 'process.user.name'));
    d.sourceIps(...strs(v, 'source.ip', 'client.ip'));
    d.destinationIps(...strs(v, 'destination.ip', 'server.ip'));
    d.sourcePorts(...strs(v, 'source.port'));
    d.destinationPorts(...strs(v, 'destination.port'));
    d.urls(...strs(v, 'url.full', 'url.original'));
    d.fileNames(...strs(v, 'file.name', 'process.name', 'dll.name'));
    for (const prefix of ['file.hash', 'process.hash', 'process.parent.hash', 'dll.hash']) {
      for (const t of ['md5', 'sha1', 'sha256', 'sha512'] as const) d.hash(str(v, `${prefix}.${t}`), t);
    }
    d.commandLines(...strs(v, 'process.command_line', 'process.parent.command_line'));
    for (const threat of list(v, 'kibana.alert.rule.threat')) {
      for (const t of list(threat, 'technique')) {
        d.technique(str(t, 'id'));
        for (const s of list(t, 'subtechnique')) d.technique(str(s, 'id'));
      }
    }
    d.technique(...strs(v, 'threat.technique.id', 'threat.technique.subtechnique.id'));
    d.hint('organization.name', str(v, 'organization.name'));
    d.hint('cloud.account.id', str(v, 'cloud.account.id'));
    d.hint('data_stream.namespace', str(v, 'data_stream.namespace'));
    for (const s of strs(v, 'kibana.space_ids')) d.hint('kibana.space_ids', s);
  },
};
