import { z } from 'zod';
import type { OsintProvider } from '../osint-provider';
import { badRequest, badResponse, isResult, requestJson } from '../provider-http';
import { type LookupResult, ok } from '../verdict';

// GET /v3/community/{ip}: 200 { ip, noise, riot, classification, name, link, last_seen, message };
// 404 with noise=false, riot=false when GreyNoise has not seen the IP.
const Community = z.object({
  ip: z.string(),
  noise: z.boolean(),
  riot: z.boolean(),
  classification: z.string().optional(),
  name: z.string().optional(),
  link: z.string().optional(),
  last_seen: z.string().optional(),
  message: z.string().optional(),
});

export const greynoise: OsintProvider = {
  id: 'greynoise',
  name: 'GreyNoise Community',
  artifactTypes: ['ipv4'],
  defaultBaseUrl: 'https://api.greynoise.io/',
  requiresApiKey: false,
  shareable: true,
  ttlSeconds: 24 * 3600,
  rateLimit: { capacity: 10, refillPerSecond: 50 / 86_400 },
  async lookup(artifact, ctx): Promise<LookupResult> {
    const key = ctx.credentials.apiKey;
    const res = await requestJson(ctx, `v3/community/${encodeURIComponent(artifact.value)}`, {
      headers: key ? { key } : {},
    });
    if (isResult(res)) return res;
    const link = `https://viz.greynoise.io/ip/${encodeURIComponent(artifact.value)}`;
    if (res.status === 404) {
      return ok({
        verdict: 'unknown',
        score: 0,
        evidence: [{ label: 'seen scanning the internet', value: false }],
        link,
      });
    }
    if (res.status !== 200) return badRequest(res.status);
    const parsed = Community.safeParse(res.body);
    if (!parsed.success) return badResponse(parsed.error.message);
    const g = parsed.data;
    // RIOT: a known business service (CDN, public DNS); noise: a mass scanner, classified by GreyNoise.
    const verdict = g.riot
      ? 'benign'
      : g.classification === 'malicious'
        ? 'malicious'
        : g.classification === 'benign'
          ? 'benign'
          : g.noise
            ? 'suspicious'
            : 'unknown';
    const score = verdict === 'malicious' ? 80 : verdict === 'suspicious' ? 40 : 0;
    return ok({
      verdict,
      score,
      evidence: [
        { label: 'internet scanner (noise)', value: g.noise },
        { label: 'known business service (RIOT)', value: g.riot },
        ...(g.classification ? [{ label: 'classification', value: g.classification }] : []),
        ...(g.name && g.name !== 'unknown' ? [{ label: 'actor or service', value: g.name }] : []),
        ...(g.last_seen ? [{ label: 'last seen', value: g.last_seen }] : []),
      ],
      link: g.link && /^https:\/\//.test(g.link) ? g.link : link,
    });
  },
};
