import type { AlertMapper } from '../alert-payload';
import { field, isRecord, list, num, raw, str, strs } from '../field';

const isStreamingDetection = (v: unknown): boolean =>
  (str(v, 'metadata.eventType') ?? '').endsWith('DetectionSummaryEvent');

/**
 * CrowdStrike Falcon detection: the Detects API entity (`ldt:` id, `device`, `behaviors[]`),
 * the Alerts API entity (`composite_id`) or a streaming API `DetectionSummaryEvent`.
 */
export const crowdstrikeMapper: AlertMapper = {
  name: 'crowdstrike',
  detect: (p) => {
    if (p.kind !== 'json' || !isRecord(p.value)) return false;
    const v = p.value;
    if (isStreamingDetection(v)) return true;
    if (typeof v.detection_id === 'string' && v.detection_id.startsWith('ldt:')) return true;
    return typeof v.composite_id === 'string' && isRecord(v.device);
  },
  map(p, d) {
    if (p.kind !== 'json') return;
    const v = p.value;
    d.vendor = 'CrowdStrike';
    d.product = 'Falcon';
    if (isStreamingDetection(v)) {
      const e = field(v, 'event');
      d.title = str(e, 'DetectName', 'Name');
      d.description = str(e, 'DetectDescription', 'Description');
      d.sourceAlertId = str(e, 'DetectId', 'CompositeId');
      d.ruleName = d.title;
      d.ruleId = str(e, 'PatternId');
      d.setSeverity(raw(e, 'SeverityName') ?? num(e, 'Severity'), 5);
      d.setTime(field(e, 'ProcessStartTime'), field(v, 'metadata.eventCreationTime'));
      d.hosts(str(e, 'ComputerName'));
      d.users(str(e, 'UserName'));
      d.sourceIps(str(e, 'LocalIP'));
      d.fileNames(str(e, 'FileName'));
      d.hash(str(e, 'SHA256String'), 'sha256');
      d.hash(str(e, 'MD5String'), 'md5');
      d.hash(str(e, 'SHA1String'), 'sha1');
      d.commandLines(str(e, 'CommandLine'), str(e, 'ParentCommandLine'));
      d.technique(str(e, 'TechniqueId'));
      d.urls(str(e, 'FalconHostLink'));
      d.hint('metadata.customerIDString', str(v, 'metadata.customerIDString'));
      return;
    }
    const behaviors = list(v, 'behaviors');
    const head = behaviors[0] ?? v;
    d.title = str(head, 'display_name', 'scenario', 'technique') ?? str(v, 'display_name', 'name');
    d.description = str(head, 'description') ?? str(v, 'description');
    d.sourceAlertId = str(v, 'detection_id', 'composite_id');
    d.ruleName = d.title;
    d.ruleId = str(head, 'pattern_id', 'behavior_id') ?? str(v, 'pattern_id');
    d.setSeverity(
      raw(v, 'max_severity_displayname', 'severity_name') ?? num(v, 'max_severity', 'severity'),
      100,
    );
    d.setTime(field(v, 'first_behavior'), field(v, 'created_timestamp'), field(v, 'timestamp'));
    d.hosts(str(v, 'device.hostname'));
    d.sourceIps(str(v, 'device.local_ip'));
    d.hint('cid', str(v, 'cid', 'device.cid'));
    d.hint('device.machine_domain', str(v, 'device.machine_domain'));
    for (const b of behaviors.length > 0 ? behaviors : [v]) {
      d.users(str(b, 'user_name'));
      d.fileNames(str(b, 'filename'));
      d.hash(str(b, 'sha256'), 'sha256');
      d.hash(str(b, 'md5'), 'md5');
      d.hash(str(b, 'parent_details.parent_sha256'), 'sha256');
      d.hash(str(b, 'parent_details.parent_md5'), 'md5');
      d.commandLines(str(b, 'cmdline'), str(b, 'parent_details.parent_cmdline'));
      d.technique(str(b, 'technique_id'));
      d.urls(...strs(b, 'falcon_host_link'));
    }
    d.urls(str(v, 'falcon_host_link'));
  },
};
