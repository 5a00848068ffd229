import type { IocType } from '@palisade/ioc/ioc';
import { z } from 'zod';
import type { OsintProvider } from '../osint-provider';
import { badRequest, badResponse, isResult, requestJson } from '../provider-http';
import { type LookupResult, ok } from '../verdict';

// GET /api/v1/search/?q=...: { results: [{ _id, task, page, result, verdicts? }], total, has_more }.
// Search hits usually carry no verdict at all: their absence is "unknown", never "benign".
const Hit = z.object({
  _id: z.string(),
  task: z.object({
    time: z.string().optional(),
    url: z.string().optional(),
    visibility: z.string().optional(),
  }),
  page: z
    .object({
      domain: z.string().optional(),
      ip: z.string().optional(),
      country: z.string().optional(),
      asnname: z.string().optional(),
      server: z.string().optional(),
    })
    .optional(),
  verdicts: z
    .object({
      overall: z.object({ malicious: z.boolean().optional(), score: z.number().optional() }).optional(),
    })
    .optional(),
});
const Search = z.object({ results: z.array(Hit), total: z.number() });

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;
const QUERY: Partial<Record<IocType, (v: string) => string>> = {
  domain: (v) => `domain:${quote(v)}`,
  ipv4: (v) => `ip:${quote(v)}`,
  ipv6: (v) => `ip:${quote(v)}`,
  url: (v) => `page.url:${quote(v)}`,
  sha256: (v) => `hash:${v}`,
};

export const urlscan: OsintProvider = {
  id: 'urlscan',
  name: 'urlscan.io',
  artifactTypes: ['domain', 'ipv4', 'ipv6', 'url', 'sha256'],
  defaultBaseUrl: 'https://urlscan.io/',
  requiresApiKey: false,
  shareable: true,
  ttlSeconds: 6 * 3600,
  rateLimit: { capacity: 30, refillPerSecond: 120 / 60 },
  async lookup(artifact, ctx): Promise<LookupResult> {
    const toQuery = QUERY[artifact.type];
    if (!toQuery) return badRequest(400);
    const q = toQuery(artifact.value);
    const key = ctx.credentials.apiKey;
    const res = await requestJson(ctx, `api/v1/search/?${new URLSearchParams({ q, size: '10' })}`, {
      headers: key ? { 'api-key': key } : {},
    });
    if (isResult(res)) return res;
    if (res.status !== 200) return badRequest(res.status);
    const parsed = Search.safeParse(res.body);
    if (!parsed.success) return badResponse(parsed.error.message);
    const { results, total } = parsed.data;
    const flagged = results.filter((r) => r.verdicts?.overall?.malicious === true).length;
    const latest = results[0];
    return ok({
      verdict: flagged > 0 ? 'malicious' : 'unknown',
      score: flagged > 0 ? Math.max(70, Math.max(...results.map((r) => r.verdicts?.overall?.score ?? 0))) : 0,
      evidence: [
        { label: 'scans found', value: total },
        ...(flagged > 0 ? [{ label: 'scans judged malicious', value: flagged }] : []),
        ...(latest?.task.time ? [{ label: 'latest scan', value: latest.task.time }] : []),
        ...(latest?.page?.ip ? [{ label: 'hosting IP', value: latest.page.ip }] : []),
        ...(latest?.page?.asnname ? [{ label: 'hosting network', value: latest.page.asnname }] : []),
        ...(latest?.page?.country ? [{ label: 'hosting country', value: latest.page.country }] : []),
      ],
      link: latest
        ? `https://urlscan.io/result/${encodeURIComponent(latest._id)}/`
        : `https://urlscan.io/search/#${encodeURIComponent(q)}`,
    });
  },
};
