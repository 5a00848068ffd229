import type { AlertMapper, AlertPayload } from '../alert-payload';
import { field, isRecord, list, str, strs } from '../field';

/** The incident resource, also inside the Logic App / automation-rule trigger body (`{object, workspaceInfo}`). */
function incident(p: AlertPayload): unknown {
  if (p.kind !== 'json') return undefined;
  const obj = field(p.value, 'object');
  return isRecord(obj) && isRecord(obj.properties) ? obj : p.value;
}

/** Microsoft Sentinel incident (`Microsoft.SecurityInsights/Incidents`). */
export const microsoftSentinelMapper: AlertMapper = {
  name: 'microsoft_sentinel',
  detect: (p) => {
    const v = incident(p);
    if (!isRecord(v)) return false;
    const type = str(v, 'type') ?? '';
    const id = str(v, 'id') ?? '';
    return (
      type.toLowerCase() === 'microsoft.securityinsights/incidents' ||
      id.toLowerCase().includes('/providers/microsoft.securityinsights/incidents/') ||
      field(v, 'properties.incidentNumber') !== undefined
    );
  },
  map(p, d) {
    const v = incident(p);
    const props = field(v, 'properties');
    d.vendor = 'Microsoft';
    d.product = str(props, 'additionalData.alertProductNames') ?? 'Microsoft Sentinel';
    d.title = str(props, 'title');
    d.description = str(props, 'description');
    d.sourceAlertId = str(v, 'name') ?? str(props, 'incidentNumber');
    d.setSeverity(str(props, 'severity'), 10);
    d.setTime(field(props, 'firstActivityTimeUtc'), field(props, 'createdTimeUtc'));
    d.ruleId = str(props, 'relatedAnalyticRuleIds');
    d.ruleName = d.title;
    d.technique(...strs(props, 'additionalData.techniques'));
    for (const e of list(props, 'relatedEntities')) {
      const kind = (str(e, 'kind') ?? '').toLowerCase();
      const ep = field(e, 'properties');
      if (kind === 'host') d.hosts(str(ep, 'hostName'));
      else if (kind === 'account') d.users(str(ep, 'accountName'));
      else if (kind === 'ip') d.sourceIps(str(ep, 'address'));
      else if (kind === 'url') d.urls(str(ep, 'url'));
      else if (kind === 'file') d.fileNames(str(ep, 'fileName'));
      else if (kind === 'filehash') d.hash(str(ep, 'hashValue'));
      else if (kind === 'process') d.commandLines(str(ep, 'commandLine'));
    }
    if (p.kind === 'json') {
      d.hint('workspaceInfo.WorkspaceName', str(p.value, 'workspaceInfo.WorkspaceName'));
      d.hint('workspaceInfo.SubscriptionId', str(p.value, 'workspaceInfo.SubscriptionId'));
    }
    for (const l of list(props, 'labels')) d.hint('properties.labels', str(l, 'labelName'));
  },
};
