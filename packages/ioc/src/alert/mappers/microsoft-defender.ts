import type { AlertDraft } from '../alert-draft';
import type { AlertMapper } from '../alert-payload';
import { field, isRecord, list, str, strs } from '../field';

const PRODUCTS: Record<string, string> = {
  microsoftDefenderForEndpoint: 'Microsoft Defender for Endpoint',
  microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
  microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
  microsoftDefenderForCloudApps: 'Microsoft Defender for Cloud Apps',
  microsoftDefenderForCloud: 'Microsoft Defender for Cloud',
  microsoft365Defender: 'Microsoft Defender XDR',
};

/** Graph `security/alerts_v2` evidence and the older Microsoft 365 Defender API `entities`. */
function mapEvidence(e: unknown, d: AlertDraft): void {
  const type = (str(e, '@odata.type') ?? str(e, 'entityType') ?? '').toLowerCase();
  d.hosts(str(e, 'deviceDnsName'), str(e, 'hostName'));
  d.users(
    str(e, 'userAccount.userPrincipalName'),
    str(e, 'userAccount.accountName'),
    str(e, 'userPrincipalName'),
  );
  if (type.includes('user') || type === 'user') d.users(str(e, 'accountName'));
  if (type.includes('ip')) d.sourceIps(str(e, 'ipAddress'));
  d.urls(str(e, 'url'));
  for (const f of [e, field(e, 'fileDetails'), field(e, 'imageFile'), field(e, 'parentProcessImageFile')]) {
    if (!isRecord(f)) continue;
    d.fileNames(str(f, 'fileName'));
    d.hash(str(f, 'sha1'), 'sha1');
    d.hash(str(f, 'sha256'), 'sha256');
    d.hash(str(f, 'md5'), 'md5');
  }
  d.commandLines(str(e, 'processCommandLine'), str(e, 'parentProcessCommandLine'));
  d.urls(...strs(e, 'urls'));
}

function mapAlert(a: unknown, d: AlertDraft): void {
  d.title ??= str(a, 'title');
  d.description ??= str(a, 'description');
  d.ruleId ??= str(a, 'detectorId', 'alertPolicyId');
  d.ruleName ??= str(a, 'title');
  const source = str(a, 'detectionSource', 'serviceSource');
  if (source && !d.product) d.product = PRODUCTS[source] ?? source;
  d.technique(...strs(a, 'mitreTechniques'));
  d.hosts(...strs(a, 'devices.deviceDnsName'));
  for (const dev of list(a, 'devices')) d.hosts(str(dev, 'deviceDnsName'));
  for (const e of list(a, 'evidence')) mapEvidence(e, d);
  for (const e of list(a, 'entities')) mapEvidence(e, d);
  d.hint('tenantId', str(a, 'tenantId'));
}

/**
 * Microsoft Defender XDR: a Graph security alert (`alerts_v2`) or incident (with `alerts`), or
 * an incident from the Microsoft 365 Defender incidents API (`incidentId`, `alerts[].entities`).
 */
export const microsoftDefenderMapper: AlertMapper = {
  name: 'microsoft_defender',
  detect: (p) => {
    if (p.kind !== 'json' || !isRecord(p.value)) return false;
    const v = p.value;
    const odata = str(v, '@odata.type') ?? '';
    if (odata === '#microsoft.graph.security.alert' || odata === '#microsoft.graph.security.incident')
      return true;
    if (typeof v.detectionSource === 'string' && 'evidence' in v) return true;
    if ('incidentWebUrl' in v && 'alerts' in v) return true;
    return 'incidentId' in v && Array.isArray(v.alerts) && 'incidentName' in v;
  },
  map(p, d) {
    if (p.kind !== 'json') return;
    const v = p.value;
    d.vendor = 'Microsoft';
    const isIncident = Array.isArray(field(v, 'alerts'));
    d.title = str(v, 'displayName', 'incidentName', 'title');
    // An alert is closed by its own id even when it also names its incident.
    d.sourceAlertId = isIncident ? str(v, 'incidentId', 'id') : str(v, 'id', 'alertId');
    d.setSeverity(str(v, 'severity'), 10);
    d.setTime(field(v, 'firstActivityDateTime'), field(v, 'createdDateTime'), field(v, 'createdTime'));
    if (isIncident) for (const a of list(v, 'alerts')) mapAlert(a, d);
    else mapAlert(v, d);
    d.product ??= 'Microsoft Defender XDR';
    d.hint('tenantId', str(v, 'tenantId'));
    d.hint('organizationId', str(v, 'organizationId'));
  },
};
