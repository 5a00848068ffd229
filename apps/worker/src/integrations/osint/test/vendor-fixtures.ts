// Trimmed but faithful vendor answers: the field names, nesting and types of the real APIs.

export const vtIpMalicious = {
  data: {
    id: '198.51.100.7',
    type: 'ip_address',
    links: { self: 'https://www.virustotal.com/api/v3/ip_addresses/198.51.100.7' },
    attributes: {
      as_owner: 'Example Hosting',
      asn: 64500,
      country: 'NL',
      last_analysis_date: 1_763_000_000,
      last_analysis_stats: { malicious: 9, suspicious: 1, undetected: 30, harmless: 54, timeout: 0 },
      reputation: -12,
      tags: [],
      total_votes: { harmless: 0, malicious: 3 },
    },
  },
};

export const vtFileClean = {
  data: {
    id: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    type: 'file',
    links: {
      self: 'https://www.virustotal.com/api/v3/files/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
    attributes: {
      last_analysis_stats: {
        malicious: 0,
        suspicious: 0,
        undetected: 60,
        harmless: 0,
        timeout: 2,
        'type-unsupported': 10,
      },
      meaningful_name: 'empty.txt',
      reputation: 0,
    },
  },
};

export const vtNotFound = { error: { code: 'NotFoundError', message: 'Resource not found.' } };
export const vtWrongCredentials = { error: { code: 'WrongCredentialsError', message: 'Wrong API key' } };
export const vtQuota = { error: { code: 'QuotaExceededError', message: 'Quota exceeded' } };

export const abuseCheckMalicious = {
  data: {
    ipAddress: '198.51.100.7',
    isPublic: true,
    ipVersion: 4,
    isWhitelisted: false,
    abuseConfidenceScore: 100,
    countryCode: 'NL',
    usageType: 'Data Center/Web Hosting/Transit',
    isp: 'Example Hosting',
    domain: 'example-hosting.test',
    hostnames: [],
    isTor: false,
    totalReports: 1432,
    numDistinctUsers: 312,
    lastReportedAt: '2026-11-22T17:02:11+00:00',
  },
};
export const abuseUnauthorized = {
  errors: [
    { detail: 'Authentication failed. Your API key is either missing, incorrect, or revoked.', status: 401 },
  ],
};
export const abuseTooMany = {
  errors: [{ detail: 'Daily rate limit of 1000 requests exceeded for this endpoint.', status: 429 }],
};

export const greynoiseScanner = {
  ip: '198.51.100.7',
  noise: true,
  riot: false,
  classification: 'malicious',
  name: 'unknown',
  link: 'https://viz.greynoise.io/ip/198.51.100.7',
  last_seen: '2026-11-22',
  message: 'Success',
};
export const greynoiseRiot = {
  ip: '8.8.8.8',
  noise: false,
  riot: true,
  classification: 'benign',
  name: 'Google Public DNS',
  link: 'https://viz.greynoise.io/riot/8.8.8.8',
  last_seen: '2026-11-22',
  message: 'Success',
};
export const greynoiseNotFound = {
  ip: '203.0.113.9',
  noise: false,
  riot: false,
  message: 'IP not observed scanning the internet or contained in RIOT data set.',
};

export const otxGeneral = {
  sections: ['general', 'geo', 'reputation', 'url_list', 'passive_dns', 'malware', 'http_scans'],
  indicator: 'evil.example',
  type: 'domain',
  type_title: 'Domain',
  validation: [],
  base_indicator: { id: 3_160_071_497, indicator: 'evil.example', type: 'domain', access_type: 'public' },
  pulse_info: {
    count: 4,
    pulses: [
      {
        id: '6553b5c6f2c1d4b2a1e0f001',
        name: 'Phishing kit infrastructure',
        tags: ['phishing'],
        TLP: 'white',
      },
      { id: '6553b5c6f2c1d4b2a1e0f002', name: 'QakBot C2 November', tags: ['qakbot', 'c2'], TLP: 'white' },
    ],
    references: [],
    related: { alienvault: { adversary: [], malware_families: [], industries: [] } },
  },
  false_positive: [],
  alexa: '',
  whois: 'http://whois.domaintools.com/evil.example',
};

export const urlscanSearch = {
  results: [
    {
      _id: '9b7a0c5e-1f2d-4c3b-8a9e-0d1c2b3a4f5e',
      _score: null,
      sort: [1_763_800_000_000, '9b7a0c5e-1f2d-4c3b-8a9e-0d1c2b3a4f5e'],
      task: {
        visibility: 'public',
        method: 'api',
        domain: 'evil.example',
        apexDomain: 'evil.example',
        time: '2026-11-22T08:13:20.000Z',
        uuid: '9b7a0c5e-1f2d-4c3b-8a9e-0d1c2b3a4f5e',
        url: 'https://evil.example/login',
      },
      stats: { uniqIPs: 3, uniqCountries: 1, dataLength: 51_234, encodedDataLength: 20_111, requests: 14 },
      page: {
        country: 'NL',
        server: 'nginx',
        ip: '198.51.100.7',
        mimeType: 'text/html',
        title: 'Sign in',
        url: 'https://evil.example/login',
        tlsValidDays: 89,
        tlsAgeDays: 1,
        ptr: 'host.example-hosting.test',
        tlsValidFrom: '2026-11-21T00:00:00.000Z',
        domain: 'evil.example',
        umbrellaRank: null,
        apexDomain: 'evil.example',
        asnname: 'EXAMPLE-AS, NL',
        asn: 'AS64500',
        tlsIssuer: 'R11',
        status: '200',
      },
      result: 'https://urlscan.io/api/v1/result/9b7a0c5e-1f2d-4c3b-8a9e-0d1c2b3a4f5e/',
      screenshot: 'https://urlscan.io/screenshots/9b7a0c5e-1f2d-4c3b-8a9e-0d1c2b3a4f5e.png',
    },
  ],
  total: 1,
  took: 31,
  has_more: false,
};

export const mispAttributes = {
  response: {
    Attribute: [
      {
        id: '81245',
        event_id: '1342',
        object_id: '0',
        object_relation: null,
        category: 'Network activity',
        type: 'ip-dst',
        to_ids: true,
        uuid: '5f1e2d3c-4b5a-4697-8877-665544332211',
        timestamp: '1763800000',
        distribution: '5',
        sharing_group_id: '0',
        comment: 'C2 seen in the wild',
        deleted: false,
        disable_correlation: false,
        first_seen: null,
        last_seen: null,
        value: '198.51.100.7',
        Event: {
          org_id: '1',
          distribution: '1',
          id: '1342',
          info: 'QakBot campaign November',
          orgc_id: '2',
          uuid: '4e0d1c2b-3a49-4867-9a5b-4c3d2e1f0a9b',
        },
        Tag: [{ id: '12', name: 'tlp:amber', colour: '#FFC000', numerical_value: null }],
      },
    ],
  },
};
export const mispEmpty = { response: { Attribute: [] } };
export const mispForbidden = {
  name: 'Authentication failed. Please make sure you pass the API key of an API enabled user along in the Authorization header.',
  message:
    'Authentication failed. Please make sure you pass the API key of an API enabled user along in the Authorization header.',
  url: '/attributes/restSearch',
};
