import type { AlertMapper } from '../alert-payload';
import { field, isRecord, raw, str, strs } from '../field';

/** Splunk "webhook" alert action: `{sid, search_name, app, owner, results_link, result: {...first row}}`. */
export const splunkMapper: AlertMapper = {
  name: 'splunk',
  detect: (p) =>
    p.kind === 'json' &&
    isRecord(p.value) &&
    typeof p.value.search_name === 'string' &&
    ('sid' in p.value || 'results_link' in p.value) &&
    'result' in p.value,
  map(p, d) {
    if (p.kind !== 'json') return;
    const v = p.value;
    const r = field(v, 'result');
    d.vendor = 'Splunk';
    d.product = str(r, 'product', 'orig_product') ?? 'Splunk Enterprise';
    d.ruleName = str(v, 'search_name');
    d.ruleId = str(r, 'rule_id', 'savedsearch_name', 'search_name') ?? d.ruleName;
    d.title = str(r, 'rule_title', 'rule_name', 'title', 'signature') ?? d.ruleName;
    d.description = str(r, 'rule_description', 'description', 'message', '_raw');
    d.sourceAlertId = str(r, 'event_id', 'orig_sid') ?? str(v, 'sid');
    const sev = raw(r, 'urgency', 'severity', 'priority');
    d.setSeverity(sev, 10);
    d.setTime(field(r, '_time'), field(r, 'time'));
    d.hosts(...strs(r, 'dest_host', 'dest_nt_host', 'src_host', 'host', 'dvc', 'ComputerName'));
    d.users(...strs(r, 'user', 'src_user', 'dest_user', 'user_name'));
    d.sourceIps(...strs(r, 'src_ip', 'src'));
    d.destinationIps(...strs(r, 'dest_ip', 'dest'));
    d.sourcePorts(...strs(r, 'src_port'));
    d.destinationPorts(...strs(r, 'dest_port'));
    d.urls(...strs(r, 'url', 'uri'));
    d.fileNames(...strs(r, 'file_name', 'process_name', 'parent_process_name'));
    for (const h of strs(r, 'file_hash', 'process_hash', 'hash', 'md5', 'sha1', 'sha256')) {
      for (const part of h.split(/[,;|\s]+/)) d.hash(part.replace(/^[A-Za-z0-9]+=/, ''));
    }
    d.commandLines(...strs(r, 'process', 'CommandLine', 'cmdline', 'parent_process'));
    d.technique(...strs(r, 'annotations.mitre_attack', 'mitre_technique_id', 'mitre_technique'));
    for (const k of ['index', 'client', 'customer', 'tenant', 'orig_index']) d.hint(`result.${k}`, str(r, k));
    d.hint('app', str(v, 'app'));
  },
};
