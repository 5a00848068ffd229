import type { AlertMapper } from '../alert-payload';
import { field, isRecord, num, str, strs } from '../field';
import type { SeverityLevel } from '../severity';

/** Wazuh's own dashboard bands for rule levels 0-15. */
function wazuhLevel(level: number): SeverityLevel {
  if (level >= 15) return 'critical';
  if (level >= 12) return 'high';
  if (level >= 7) return 'medium';
  if (level >= 3) return 'low';
  return 'info';
}

/** Wazuh alert (alerts.json / integration payload): `rule`, `agent`, `manager`, `data`, `full_log`. */
export const wazuhMapper: AlertMapper = {
  name: 'wazuh',
  detect: (p) =>
    p.kind === 'json' &&
    isRecord(p.value) &&
    field(p.value, 'rule.level') !== undefined &&
    isRecord(p.value.agent) &&
    (isRecord(p.value.manager) || isRecord(p.value.decoder)),
  map(p, d) {
    if (p.kind !== 'json') return;
    const v = p.value;
    d.vendor = 'Wazuh';
    d.product = 'Wazuh';
    d.title = str(v, 'rule.description');
    d.description = str(v, 'full_log');
    d.sourceAlertId = str(v, 'id');
    d.ruleId = str(v, 'rule.id');
    d.ruleName = d.title;
    const level = num(v, 'rule.level');
    d.severityRaw = level;
    d.severity = level === null ? 'medium' : wazuhLevel(level);
    d.setTime(field(v, 'timestamp'), field(v, '@timestamp'));
    d.hosts(str(v, 'agent.name'));
    const win = field(v, 'data.win.eventdata');
    d.users(
      ...strs(
        v,
        'data.srcuser',
        'data.dstuser',
        'data.win.eventdata.targetUserName',
        'data.win.eventdata.user',
      ),
    );
    d.sourceIps(...strs(v, 'data.srcip', 'data.win.eventdata.sourceIp', 'data.win.eventdata.ipAddress'));
    d.destinationIps(...strs(v, 'data.dstip', 'data.win.eventdata.destinationIp'));
    d.sourcePorts(...strs(v, 'data.srcport', 'data.win.eventdata.sourcePort'));
    d.destinationPorts(...strs(v, 'data.dstport', 'data.win.eventdata.destinationPort'));
    d.urls(...strs(v, 'data.url'));
    d.fileNames(...strs(v, 'syscheck.path', 'data.win.eventdata.image', 'data.win.eventdata.targetFilename'));
    d.hash(str(v, 'syscheck.md5_after'), 'md5');
    d.hash(str(v, 'syscheck.sha1_after'), 'sha1');
    d.hash(str(v, 'syscheck.sha256_after'), 'sha256');
    for (const part of (str(win, 'hashes') ?? '').split(',')) d.hash(part.split('=')[1]);
    d.commandLines(...strs(win, 'commandLine', 'parentCommandLine'));
    d.technique(...strs(v, 'rule.mitre.id'));
    d.hint('agent.labels.client', str(v, 'agent.labels.client', 'agent.labels.customer'));
    d.hint('manager.name', str(v, 'manager.name'));
    d.hint('cluster.name', str(v, 'cluster.name'));
  },
};
