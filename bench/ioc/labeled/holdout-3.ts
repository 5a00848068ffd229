import { createHash } from 'node:crypto';
import type { LabeledDoc } from '../documents';

const digest = (alg: 'md5' | 'sha1' | 'sha256', seed: string): string =>
  createHash(alg).update(seed).digest('hex');
const t = (type: string, value: string) => ({ type, value });

const sha256a = digest('sha256', 'h3-3');
const md5a = digest('md5', 'h3-3');
const sha256b = digest('sha256', 'h3-6');
const sha1c = digest('sha1', 'h3-8');

/** Third hold-out batch, scored as first run. */
export const HOLDOUT_3: LabeledDoc[] = [
  {
    id: 'h3-1-snort-fast',
    kind: 'text',
    text: '11/22-10:41:07.123456  [**] [1:2024897:3] ET POLICY curl User-Agent Outbound [**] [Classification: Attempted Information Leak] [Priority: 2] {TCP} 172.16.3.14:39812 -> 23.227.38.65:80',
    truth: [t('ipv4', '172.16.3.14'), t('ipv4', '23.227.38.65')],
  },
  {
    id: 'h3-2-windows-4688-xml',
    kind: 'text',
    text: '<Event><System><EventID>4688</EventID><Computer>APP-SRV-02.contoso.local</Computer></System><EventData><Data Name="SubjectUserName">svc_web</Data><Data Name="NewProcessName">C:\\Windows\\System32\\cmd.exe</Data><Data Name="CommandLine">cmd.exe /c certutil -decode C:\\inetpub\\wwwroot\\aspnet_client\\a.txt C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx</Data><Data Name="ParentProcessName">C:\\Windows\\System32\\inetsrv\\w3wp.exe</Data></EventData></Event>',
    truth: [
      t('file_path', 'C:\\Windows\\System32\\cmd.exe'),
      t('file_path', 'C:\\inetpub\\wwwroot\\aspnet_client\\a.txt'),
      t('file_path', 'C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx'),
      t('file_path', 'C:\\Windows\\System32\\inetsrv\\w3wp.exe'),
    ],
  },
  {
    id: 'h3-3-carbon-black',
    kind: 'json',
    text: JSON.stringify({
      type: 'CB_ANALYTICS',
      id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
      device_name: 'ACME\\LT-0042',
      device_external_ip: '81.2.69.142',
      device_internal_ip: '192.168.1.77',
      process_name: 'wscript.exe',
      process_sha256: sha256a,
      reason: 'A script interpreter (wscript.exe) made a network connection to 185.81.157.44:443.',
      threat_cause_actor_md5: md5a,
      threat_cause_reputation: 'KNOWN_MALWARE',
      netconn_domain: 'onedrive-sync.duckdns.org',
      ttps: ['MITRE_T1059_CMD_LINE_OR_SCRIPT_INTER', 'ATTEMPTED_CLIENT'],
      org_key: '7DESJ9GN',
    }),
    truth: [
      t('ipv4', '81.2.69.142'),
      t('ipv4', '192.168.1.77'),
      t('sha256', sha256a),
      t('ipv4', '185.81.157.44'),
      t('md5', md5a),
      t('domain', 'onedrive-sync.duckdns.org'),
    ],
  },
  {
    id: 'h3-4-jira-ticket',
    kind: 'text',
    text: 'h3. Summary\nUser reported SMS phish pointing to {{hxxps://usps-redelivery[.]info/track}} — domain registered 2 days ago (registrar NameCheap, NS dns1.registrar-servers.com).\n{code}\nnslookup usps-redelivery.info\nAddress: 162.0.232.108\n{code}\nCC: soc@acme-corp.com',
    truth: [
      t('url', 'https://usps-redelivery.info/track'),
      t('domain', 'usps-redelivery.info'),
      t('domain', 'dns1.registrar-servers.com'),
      t('ipv4', '162.0.232.108'),
      t('email', 'soc@acme-corp.com'),
      t('domain', 'acme-corp.com'),
    ],
  },
  {
    id: 'h3-5-yaml-ioc-list',
    kind: 'text',
    text: 'iocs:\n  - type: ip\n    value: "91.240.118.172"\n  - type: domain\n    value: "login-office365.support"\n  - type: url\n    value: "https://login-office365.support/owa/auth.aspx"\n  - type: cve\n    value: "CVE-2023-23397"\nversion: 1.2.0.4\n',
    truth: [
      t('ipv4', '91.240.118.172'),
      t('domain', 'login-office365.support'),
      t('url', 'https://login-office365.support/owa/auth.aspx'),
      t('cve', 'CVE-2023-23397'),
    ],
  },
  {
    id: 'h3-6-netskope',
    kind: 'json',
    text: JSON.stringify({
      alert_type: 'malware',
      app: 'Google Drive',
      url: 'drive.google.com/uc?id=1AbCdEfGhIjKlMnOpQrStUvWxYz&export=download',
      file_name: 'Q4_Bonus_Structure.xlsm',
      file_size: 88213,
      local_sha256: sha256b,
      malware_name: 'Win32.Trojan.Agent',
      user: 'l.park@initech.com',
      srcip: '10.14.2.98',
      dstip: '142.250.74.46',
      os_version: 'Windows 10.0.19045',
      browser_version: '131.0.6778.86',
    }),
    truth: [
      t('domain', 'drive.google.com'),
      t('sha256', sha256b),
      t('email', 'l.park@initech.com'),
      t('domain', 'initech.com'),
      t('ipv4', '10.14.2.98'),
      t('ipv4', '142.250.74.46'),
    ],
  },
  {
    id: 'h3-7-panos-csv',
    kind: 'text',
    text: '1,2026/11/22 13:22:01,013101003421,THREAT,url,2561,2026/11/22 13:22:01,10.60.1.15,104.21.80.1,203.0.113.50,104.21.80.1,Allow-Web,,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,Log-Fwd,2026/11/22 13:22:01,112233,1,55012,443,41233,443,0x8000,tcp,block-url,"sso-okta-verify.com/login",(9999),phishing,informational,client-to-server',
    truth: [
      t('ipv4', '10.60.1.15'),
      t('ipv4', '104.21.80.1'),
      t('ipv4', '203.0.113.50'),
      t('domain', 'sso-okta-verify.com'),
    ],
  },
  {
    id: 'h3-8-workspace-alert',
    kind: 'json',
    text: JSON.stringify({
      alertId: '0b3f4e2c-9a1d-4c5e-8f7a-6b5c4d3e2f1a',
      type: 'Suspicious login',
      source: 'Google identity',
      data: {
        '@type': 'type.googleapis.com/google.apps.alertcenter.type.ActivityRule',
        email: 'd.kim@umbrella-corp.co',
        loginDetails: { ipAddress: '2607:fb90:1a2b:3c4d::25', loginTime: '2026-11-22T05:06:07Z' },
        attachmentHash: sha1c,
      },
    }),
    truth: [
      t('domain', 'type.googleapis.com'),
      t('email', 'd.kim@umbrella-corp.co'),
      t('domain', 'umbrella-corp.co'),
      t('ipv6', '2607:fb90:1a2b:3c4d::25'),
      t('sha1', sha1c),
    ],
  },
];
