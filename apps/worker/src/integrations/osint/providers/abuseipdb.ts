import { z } from 'zod';
import type { OsintProvider } from '../osint-provider';
import { badRequest, badResponse, isResult, requestJson } from '../provider-http';
import { type LookupResult, ok, type Verdict } from '../verdict';

// GET /check?ipAddress=&maxAgeInDays=90 -> { data: {...} }; errors -> { errors: [{ detail, status }] }.
const Check = z.object({
  data: z.object({
    ipAddress: z.string(),
    isPublic: z.boolean().optional(),
    isWhitelisted: z.boolean().nullable().optional(),
    abuseConfidenceScore: z.number(),
    countryCode: z.string().nullable().optional(),
    usageType: z.string().nullable().optional(),
    isp: z.string().nullable().optional(),
    isTor: z.boolean().optional(),
    totalReports: z.number().default(0),
    numDistinctUsers: z.number().default(0),
    lastReportedAt: z.string().nullable().optional(),
  }),
});

export function abuseVerdict(score: number, whitelisted: boolean, reports: number): Verdict {
  if (whitelisted) return 'benign';
  if (score >= 75) return 'malicious';
  if (score >= 25) return 'suspicious';
  return reports === 0 ? 'unknown' : 'benign';
}

export const abuseipdb: OsintProvider = {
  id: 'abuseipdb',
  name: 'AbuseIPDB',
  artifactTypes: ['ipv4', 'ipv6'],
  defaultBaseUrl: 'https://api.abuseipdb.com/api/v2/',
  requiresApiKey: true,
  shareable: true,
  ttlSeconds: 12 * 3600,
  rateLimit: { capacity: 20, refillPerSecond: 1000 / 86_400 },
  async lookup(artifact, ctx): Promise<LookupResult> {
    const query = new URLSearchParams({ ipAddress: artifact.value, maxAgeInDays: '90' });
    const res = await requestJson(ctx, `check?${query}`, { headers: { key: ctx.credentials.apiKey ?? '' } });
    if (isResult(res)) return res;
    if (res.status !== 200) return badRequest(res.status);
    const parsed = Check.safeParse(res.body);
    if (!parsed.success) return badResponse(parsed.error.message);
    const d = parsed.data.data;
    return ok({
      verdict: abuseVerdict(d.abuseConfidenceScore, d.isWhitelisted === true, d.totalReports),
      score: Math.round(d.abuseConfidenceScore),
      evidence: [
        { label: 'abuse confidence', value: d.abuseConfidenceScore },
        { label: 'reports (90 days)', value: d.totalReports },
        { label: 'distinct reporters', value: d.numDistinctUsers },
        ...(d.isp ? [{ label: 'ISP', value: d.isp }] : []),
        ...(d.countryCode ? [{ label: 'country', value: d.countryCode }] : []),
        ...(d.usageType ? [{ label: 'usage type', value: d.usageType }] : []),
        ...(d.isTor ? [{ label: 'Tor exit node', value: true }] : []),
        ...(d.lastReportedAt ? [{ label: 'last reported', value: d.lastReportedAt }] : []),
      ],
      link: `https://www.abuseipdb.com/check/${encodeURIComponent(artifact.value)}`,
    });
  },
};
