import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MapperName } from './mapper-name';
import { type NormalizeAlertResult, normalizeAlert } from './normalize-alert';
import { StandardAlert } from './standard-alert';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const referenceTime = new Date('2026-11-23T12:00:00Z');

async function ok(
  input: unknown,
  mapper?: Parameters<typeof normalizeAlert>[1],
): Promise<Extract<NormalizeAlertResult, { ok: true }>> {
  const r = await normalizeAlert(input, { referenceTime, ...mapper });
  if (!r.ok) throw r.error;
  StandardAlert.parse(r.alert);
  return r;
}

const iocValues = (r: Extract<NormalizeAlertResult, { ok: true }>, type: string): string[] =>
  r.iocs.filter((i) => i.type === type).map((i) => i.value);

describe('normalizeAlert: built-in mappers on real-shaped fixtures', () => {
  it('Splunk alert webhook', async () => {
    const r = await ok(fixture('splunk-webhook.json'));
    expect(r.mapper).toBe('splunk');
    expect(r.alert).toMatchObject({
      title: 'Endpoint - Suspicious PowerShell Download - Rule',
      severity: { level: 'high', raw: 'high' },
      source: { vendor: 'Splunk', mapper: 'splunk' },
      sourceAlertId: expect.stringMatching(/^scheduler__admin__/),
      hosts: ['WS-FIN-042'],
      users: ['ACME\\j.doe'],
      sourceIps: ['10.20.30.42'],
      destinationIps: ['185.220.101.7'],
      destinationPorts: [443],
      fileHashes: [
        { type: 'sha256', value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
      ],
      clientHints: expect.arrayContaining([{ field: 'result.index', value: 'acme_endpoint' }]),
    });
    expect(r.alert.mitreTechniques.map((t) => t.id)).toEqual(['T1059.001', 'T1105']);
    expect(r.alert.eventTime).toBe('2024-11-23T08:20:12.000Z');
    expect(iocValues(r, 'url')).toContain('http://update-check.top/p.ps1');
    expect(iocValues(r, 'file_path')).toContain(
      'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
    );
  });

  it('Elastic Security alert with dotted keys', async () => {
    const r = await ok(fixture('elastic-alert.json'));
    expect(r.mapper).toBe('elastic');
    expect(r.alert).toMatchObject({
      title: 'Encoded PowerShell Command',
      severity: { level: 'high', raw: 'high' },
      eventTime: '2026-11-23T09:14:58.000Z',
      sourceAlertId: '4c6f1a0e8f5c1d1b2a3e9f7d6c5b4a3928171615141312111009080706050403',
      rule: { id: '9a1b7e5c-2a3d-4c1e-9f11-7c8d2e6b1f00', name: 'Encoded PowerShell Command' },
      hosts: ['db-prod-02'],
      users: ['svc_backup'],
      sourceIps: ['10.1.4.22'],
      destinationIps: ['45.133.1.20'],
      sourcePorts: [50123],
      destinationPorts: [8443],
      fileHashes: [
        { type: 'md5', value: '7353f60b1739074eb17c5f4dddefe239' },
        { type: 'sha256', value: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c' },
      ],
      clientHints: [
        { field: 'organization.name', value: 'Globex Corporation' },
        { field: 'kibana.space_ids', value: 'globex' },
      ],
    });
    expect(r.alert.mitreTechniques.map((t) => t.id)).toEqual(['T1059', 'T1059.001']);
    expect(r.alert.processCommandLines).toHaveLength(2);
    // The alert uuid is 64 hex characters but an identifier, not a file hash.
    expect(iocValues(r, 'sha256')).toEqual([
      'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
    ]);
  });

  it('Elastic alert inside a search hit, with risk score only', async () => {
    const r = await ok({
      _id: 'abc',
      _source: { kibana: { alert: { rule: { name: 'R' }, risk_score: 99 } } },
    });
    expect(r.alert).toMatchObject({
      title: 'R',
      sourceAlertId: 'abc',
      severity: { level: 'critical', raw: 99 },
    });
  });

  it('Microsoft Defender Graph alert (alerts_v2)', async () => {
    const r = await ok(fixture('defender-graph-alert.json'));
    expect(r.mapper).toBe('microsoft_defender');
    expect(r.alert).toMatchObject({
      title: 'Suspicious execution of hidden file',
      severity: { level: 'medium', raw: 'medium' },
      source: { vendor: 'Microsoft', product: 'Microsoft Defender for Endpoint' },
      sourceAlertId: 'da637578995287051192_756343937',
      hosts: ['laptop-hr-07.initech.com'],
      users: ['pgibbons@initech.com', 'pgibbons'],
      sourceIps: ['91.215.85.14'],
      fileNames: ['rundll32.exe'],
      mitreTechniques: [
        { id: 'T1564.001', name: 'Hidden Files and Directories', tactics: ['defense-evasion'] },
      ],
      clientHints: [{ field: 'tenantId', value: 'b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c' }],
    });
    expect(r.alert.urls).toContain('https://cdn-sync.cloudflare-edge.site/api/v2/beacon');
    // mdeDeviceId is 40 hex but an identifier.
    expect(iocValues(r, 'sha1')).toEqual(['a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9']);
  });

  it('Microsoft 365 Defender incident with alerts and entities', async () => {
    const r = await ok(fixture('defender-m365-incident.json'));
    expect(r.mapper).toBe('microsoft_defender');
    expect(r.alert).toMatchObject({
      title: 'Multi-stage incident involving Initial access & Execution on one endpoint',
      severity: { level: 'high', raw: 'High' },
      sourceAlertId: '924565',
      hosts: ['srv-app-11.umbrella.co.uk'],
      sourceIps: ['203.0.113.77'],
      processCommandLines: ['svchost.exe -k netsvcs -p -s Schedule'],
    });
    expect(r.alert.mitreTechniques.map((t) => t.id)).toEqual(['T1055', 'T1055.012']);
    expect(r.iocs.find((i) => i.value === '198.51.100.23')?.tags).toEqual(['documentation']);
  });

  it('Microsoft Sentinel incident', async () => {
    const r = await ok(fixture('sentinel-incident.json'));
    expect(r.mapper).toBe('microsoft_sentinel');
    expect(r.alert).toMatchObject({
      title: 'Password spray attack against Azure AD application',
      severity: { level: 'high', raw: 'High' },
      eventTime: '2026-11-21T02:00:00.000Z',
      sourceAlertId: '73e01a99-5cd7-4139-a149-9f2736ff2ab5',
      hosts: ['hooli-vpn-01'],
      users: ['gavin.belson'],
      sourceIps: ['194.26.29.113'],
      fileHashes: [
        { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      ],
      clientHints: [{ field: 'properties.labels', value: 'client:hooli' }],
    });
    expect(r.alert.mitreTechniques.map((t) => t.id)).toEqual(['T1110', 'T1110.003']);
  });

  it('Sentinel incident inside an automation trigger body', async () => {
    const incident = JSON.parse(fixture('sentinel-incident.json')) as unknown;
    const r = await ok({
      object: incident,
      workspaceInfo: { WorkspaceName: 'hooli-sentinel', SubscriptionId: 's' },
    });
    expect(r.mapper).toBe('microsoft_sentinel');
    expect(r.alert.clientHints).toContainEqual({
      field: 'workspaceInfo.WorkspaceName',
      value: 'hooli-sentinel',
    });
  });

  it('CrowdStrike Falcon detection (Detects API)', async () => {
    const r = await ok(fixture('crowdstrike-detect.json'));
    expect(r.mapper).toBe('crowdstrike');
    expect(r.alert).toMatchObject({
      title: 'MshtaRemoteScript',
      severity: { level: 'high', raw: 'High' },
      sourceAlertId: 'ldt:0123456789abcdef0123456789abcdef:4295123456',
      hosts: ['DESKTOP-ENG-113'],
      users: ['tony.s'],
      fileNames: ['mshta.exe'],
      processCommandLines: [
        'mshta.exe https://files-share.click/view/doc.hta',
        '"C:\\Windows\\explorer.exe"',
      ],
      mitreTechniques: [{ id: 'T1218.005', name: 'Mshta', tactics: ['defense-evasion'] }],
    });
    expect(r.alert.fileHashes).toHaveLength(4);
    // cid and device_id are 32 hex but identifiers.
    expect(iocValues(r, 'md5')).toEqual([
      '5d2e6e5f4e0a3a3c2d1b0f9e8d7c6b5a',
      '6e3f7f6a5f1b4b4d3e2c1a0f9e8d7c6b',
    ]);
    expect(iocValues(r, 'mac')).toEqual(['00:50:56:a4:1b:2c']);
  });

  it('CrowdStrike streaming DetectionSummaryEvent', async () => {
    const r = await ok(fixture('crowdstrike-stream.json'));
    expect(r.mapper).toBe('crowdstrike');
    expect(r.alert).toMatchObject({
      title: 'CredentialTheft',
      severity: { level: 'high' },
      sourceAlertId: 'ldt:fedcba9876543210:38684386611',
      hosts: ['MBP-DESIGN-04'],
      clientHints: [{ field: 'metadata.customerIDString', value: '0123456789abcdef0123456789abcdef' }],
    });
  });

  it('Wazuh alert', async () => {
    const r = await ok(fixture('wazuh-alert.json'));
    expect(r.mapper).toBe('wazuh');
    expect(r.alert).toMatchObject({
      title: 'sshd: brute force trying to get access to the system. Authentication failed.',
      severity: { level: 'medium', raw: 10 },
      eventTime: '2026-11-23T08:12:44.551Z',
      sourceAlertId: '1732349564.1928374',
      rule: { id: '5763' },
      hosts: ['web-01.wayne-ent.com'],
      users: ['admin'],
      sourceIps: ['103.145.13.90'],
      sourcePorts: [51432],
      mitreTechniques: [{ id: 'T1110', name: 'Brute Force', tactics: ['credential-access'] }],
    });
    expect(r.alert.clientHints).toContainEqual({ field: 'agent.labels.client', value: 'wayne' });
  });

  it('CEF behind a syslog header, with escapes', async () => {
    const r = await ok(fixture('cef-paloalto.txt'));
    expect(r.mapper).toBe('cef');
    expect(r.alert).toMatchObject({
      title: 'Command and Control Traffic',
      severity: { level: 'critical', raw: '9' },
      eventTime: '2026-11-23T09:41:06.000Z',
      source: { vendor: 'Palo Alto Networks', product: 'PAN-OS', mapper: 'cef' },
      sourceAlertId: '7301944582',
      rule: { id: 'threat', name: 'Command and Control Traffic' },
      users: ['wayne\\bruce'],
      sourceIps: ['10.8.1.23'],
      destinationIps: ['45.61.136.88'],
      sourcePorts: [49822],
      destinationPorts: [443],
      urls: ['https://c2.darkrelay.xyz/gate.php?id=77'],
      fileNames: ['beacon.dll'],
      mitreTechniques: [{ id: 'T1071.001', name: 'Web Protocols', tactics: ['command-and-control'] }],
      clientHints: [{ field: 'deviceExternalId', value: 'PA-5220-EDGE01' }],
    });
    expect(r.iocs.find((i) => i.type === 'url')?.locations).toEqual([
      { path: 'extension.request', start: 0, end: 39 },
    ]);
  });

  it('LEEF 2.0 with a caret delimiter', async () => {
    const r = await ok(fixture('leef-stealthwatch.txt'));
    expect(r.mapper).toBe('leef');
    expect(r.alert).toMatchObject({
      severity: { level: 'high', raw: '7' },
      source: { vendor: 'Lancope', product: 'StealthWatch' },
      users: ['ops.svc'],
      sourceIps: ['10.50.1.9'],
      destinationIps: ['203.0.113.240'],
      destinationPorts: [53],
      eventTime: '2026-11-23T10:02:11.000Z',
    });
    expect(iocValues(r, 'domain')).toEqual(['t1.exfil-dns.net']);
  });

  it('syslog RFC 5424 with structured data', async () => {
    const r = await ok(fixture('syslog-5424-suricata.txt'));
    expect(r.mapper).toBe('syslog_rfc5424');
    expect(r.alert).toMatchObject({
      severity: { level: 'critical', raw: 2 },
      eventTime: '2026-11-23T10:15:22.003Z',
      hosts: ['ids-core-02'],
      users: [],
      sourceIps: ['172.20.4.51'],
      destinationIps: ['89.248.165.74'],
      sourceAlertId: 'suri-99128',
      source: { product: 'suricata' },
    });
  });

  it('syslog RFC 3164, year from the reference time', async () => {
    const r = await ok(fixture('syslog-3164-sshd.txt'));
    expect(r.mapper).toBe('syslog_rfc3164');
    expect(r.alert).toMatchObject({
      severity: { level: 'info', raw: 6 },
      eventTime: '2026-11-23T10:20:01.000Z',
      hosts: ['bastion-01'],
      source: { product: 'sshd' },
    });
    expect(iocValues(r, 'ipv4')).toEqual(['146.70.199.12']);
    const december = await ok('<38>Dec 31 23:59:59 h app: x', {
      referenceTime: new Date('2027-01-01T00:05:00Z'),
    });
    expect(december.alert.eventTime).toBe('2026-12-31T23:59:59.000Z');
  });
});

describe('normalizeAlert: generic mapper', () => {
  const payload = {
    alert: { name: 'Impossible travel', sev: 4, id: 'A-77', at: '2026-11-23T01:02:03Z' },
    actor: { login: 'kim@tyrell.com', ip: '5.188.206.14' },
    org: 'tyrell',
  };

  it('applies a tenant JSONata mapping', async () => {
    const r = await ok(payload, {
      mapper: {
        title: 'alert.name',
        severity: 'alert.sev',
        severityScale: 5,
        sourceAlertId: 'alert.id',
        eventTime: 'alert.at',
        users: 'actor.login',
        sourceIps: '[actor.ip]',
        clientHints: 'org',
        vendor: '"Tyrell SSO"',
      },
    });
    expect(r.mapper).toBe('generic');
    expect(r.alert).toMatchObject({
      title: 'Impossible travel',
      severity: { level: 'high', raw: '4' },
      sourceAlertId: 'A-77',
      eventTime: '2026-11-23T01:02:03.000Z',
      users: ['kim@tyrell.com'],
      sourceIps: ['5.188.206.14'],
      clientHints: [{ field: 'mapping.clientHints', value: 'tyrell' }],
      source: { vendor: 'Tyrell SSO', mapper: 'generic' },
    });
  });

  it('rejects a mapping that does not compile with a typed error', async () => {
    const r = await normalizeAlert(payload, { mapper: { title: 'alert.(' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'ALERT_MAPPING_INVALID' } });
  });

  it('turns a runaway expression into a warning, not a hang', async () => {
    const r = await ok(payload, { mapper: { title: '($f := function($n){ $f($n + 1) }; $f(0))' } });
    expect(r.alert.title).toBe('Untitled alert');
    expect(r.warnings[0]).toMatch(/mapping field "title" failed/);
  });

  it('falls back to generic for unknown JSON and still extracts IOCs from every string', async () => {
    const r = await ok({
      summary: 'Weird thing',
      nested: { deep: ['beacon to hxxp://bad[.]example[.]org/x'] },
      severity: 'Low',
    });
    expect(r.mapper).toBe('generic');
    expect(r.alert).toMatchObject({
      title: 'Weird thing',
      severity: { level: 'low' },
      urls: ['http://bad.example.org/x'],
    });
    expect(r.iocs.find((i) => i.type === 'url')?.locations).toEqual([
      { path: 'nested.deep[0]', start: 10, end: 38 },
    ]);
  });

  it('takes free text as a generic alert', async () => {
    const r = await ok('Phishing reported by user\nlink: hxxps://login-micros0ft[.]com/auth');
    expect(r.mapper).toBe('generic');
    expect(r.alert.title).toBe('Phishing reported by user');
    expect(iocValues(r, 'domain')).toEqual(['login-micros0ft.com']);
  });

  it('honours a forced mapper and warns when the payload does not match', async () => {
    const r = await ok({ title: 'x' }, { mapper: 'wazuh' });
    expect(r.mapper).toBe('wazuh');
    expect(r.warnings).toContain('payload does not look like wazuh; mapped as requested');
  });
});

describe('normalizeAlert: bad input', () => {
  it.each([
    ['{"a": 1,', 'ALERT_INVALID_JSON'],
    ['', 'ALERT_EMPTY'],
    ['   ', 'ALERT_EMPTY'],
    [null, 'ALERT_EMPTY'],
    [42, 'ALERT_EMPTY'],
    ['MZ\u0000\u0003\u0000\u0000\u0000\u0004', 'ALERT_BINARY'],
    [new Uint8Array([0xff, 0xfe, 0x00, 0x81]), 'ALERT_BINARY'],
  ])('%j gives %s', async (input, code) => {
    const r = await normalizeAlert(input);
    expect(r).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses huge payloads', async () => {
    const r = await normalizeAlert(`{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`);
    expect(r).toMatchObject({ ok: false, error: { code: 'ALERT_TOO_LARGE' } });
  });

  it.each([
    ['CEF with a long newline run', `CEF:0|a|b|c|d|e|5|msg=${'\n'.repeat(1 << 19)}x`],
    ['CEF with many pairs', `CEF:0|a|b|c|d|e|5|${'k=v '.repeat(1 << 17)}`],
    ['CEF with escapes only', `CEF:0|a|b|c|d|e|5|${'\\='.repeat(1 << 18)}`],
    ['LEEF with empty pairs', `LEEF:1.0|a|b|c|d|${'=\t'.repeat(1 << 18)}`],
    ['RFC 5424 with unclosed structured data', `<14>1 - h a - - [x ${'k="v" '.repeat(1 << 16)}`],
    ['RFC 3164 with spaces', `<34>Oct 11 22:14:15 host ${' '.repeat(1 << 19)}x`],
  ])('finishes on a pathological %s', async (_name, input) => {
    const r = await normalizeAlert(input);
    expect(r.ok).toBe(true);
  });

  it('accepts UTF-8 bytes', async () => {
    const r = await ok(new TextEncoder().encode(fixture('wazuh-alert.json')));
    expect(r.mapper).toBe('wazuh');
  });

  it('maps deeply nested JSON best-effort with a warning', async () => {
    let deep = '"8.8.8.8"';
    for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
    const r = await ok(`{"title":"deep","ip":"1.0.0.1","n":${deep}}`);
    expect(r.alert.title).toBe('deep');
    expect(r.iocs.map((i) => i.value)).toEqual(['1.0.0.1']);
    expect(r.warnings).toEqual(['JSON nested deeper than 32 levels was not examined']);
  });

  it('never throws on arbitrary strings or JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue(), fc.json()), async (input) => {
        const r = await normalizeAlert(input);
        if (r.ok) expect(() => StandardAlert.parse(r.alert)).not.toThrow();
        else expect(r.error.code).toMatch(/^ALERT_/);
      }),
      { numRuns: 200 },
    );
  });

  it('exports mapper names for the ingest API', () => {
    expect(MapperName.options).toContain('crowdstrike');
    expect(MapperName.safeParse('qradar').success).toBe(false);
  });
});
