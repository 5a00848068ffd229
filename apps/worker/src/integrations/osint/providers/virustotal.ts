import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { OsintProvider } from '../osint-provider';
import { badRequest, badResponse, isResult, requestJson } from '../provider-http';
import { type Artifact, type LookupResult, ok, type Verdict } from '../verdict';

// GET /ip_addresses/{ip}, /domains/{domain}, /urls/{id}, /files/{hash}: `data.attributes`.
const Stats = z.object({
  malicious: z.number().default(0),
  suspicious: z.number().default(0),
  harmless: z.number().default(0),
  undetected: z.number().default(0),
  timeout: z.number().default(0),
});
const VtObject = z.object({
  data: z.object({
    id: z.string(),
    type: z.string(),
    attributes: z.object({
      last_analysis_stats: Stats.optional(),
      reputation: z.number().optional(),
      last_analysis_date: z.number().optional(),
      tags: z.array(z.string()).optional(),
    }),
  }),
});

// The API id of a URL is its unpadded base64url; the GUI addresses it by sha256.
const urlId = (url: string) => Buffer.from(url).toString('base64url');

function endpoint(a: Artifact): { path: string; gui: string } {
  switch (a.type) {
    case 'ipv4':
    case 'ipv6':
      return { path: `ip_addresses/${encodeURIComponent(a.value)}`, gui: `ip-address/${a.value}` };
    case 'domain':
      return { path: `domains/${encodeURIComponent(a.value)}`, gui: `domain/${a.value}` };
    case 'url':
      return {
        path: `urls/${urlId(a.value)}`,
        gui: `url/${createHash('sha256').update(a.value).digest('hex')}`,
      };
    default:
      return { path: `files/${encodeURIComponent(a.value)}`, gui: `file/${a.value}` };
  }
}

export function vtVerdict(stats: z.infer<typeof Stats>): { verdict: Verdict; score: number } {
  const engines = stats.malicious + stats.suspicious + stats.harmless + stats.undetected;
  if (engines === 0) return { verdict: 'unknown', score: 0 };
  const score = Math.round(((stats.malicious + stats.suspicious / 2) / engines) * 100);
  if (stats.malicious >= 3) return { verdict: 'malicious', score: Math.max(score, 70) };
  if (stats.malicious > 0 || stats.suspicious >= 2)
    return { verdict: 'suspicious', score: Math.max(score, 30) };
  return { verdict: 'benign', score };
}

export const virustotal: OsintProvider = {
  id: 'virustotal',
  name: 'VirusTotal',
  artifactTypes: ['ipv4', 'ipv6', 'domain', 'url', 'md5', 'sha1', 'sha256'],
  defaultBaseUrl: 'https://www.virustotal.com/api/v3/',
  requiresApiKey: true,
  shareable: true,
  ttlSeconds: 24 * 3600,
  rateLimit: { capacity: 4, refillPerSecond: 4 / 60 },
  async lookup(artifact, ctx): Promise<LookupResult> {
    const { path, gui } = endpoint(artifact);
    const res = await requestJson(ctx, path, { headers: { 'x-apikey': ctx.credentials.apiKey ?? '' } });
    if (isResult(res)) return res;
    const link = `https://www.virustotal.com/gui/${gui}`;
    // NotFoundError: VirusTotal has never seen it.
    if (res.status === 404)
      return ok({
        verdict: 'unknown',
        score: 0,
        evidence: [{ label: 'known to VirusTotal', value: false }],
        link,
      });
    if (res.status !== 200) return badRequest(res.status);
    const parsed = VtObject.safeParse(res.body);
    if (!parsed.success) return badResponse(parsed.error.message);
    const attrs = parsed.data.data.attributes;
    const stats = Stats.parse(attrs.last_analysis_stats ?? {});
    const { verdict, score } = vtVerdict(stats);
    return ok({
      verdict,
      score,
      evidence: [
        { label: 'engines flagging malicious', value: stats.malicious },
        { label: 'engines flagging suspicious', value: stats.suspicious },
        { label: 'engines harmless or undetected', value: stats.harmless + stats.undetected },
        ...(attrs.reputation === undefined
          ? []
          : [{ label: 'community reputation', value: attrs.reputation }]),
        ...(attrs.last_analysis_date === undefined
          ? []
          : [{ label: 'last analysis', value: new Date(attrs.last_analysis_date * 1000).toISOString() }]),
      ],
      link,
    });
  },
};
