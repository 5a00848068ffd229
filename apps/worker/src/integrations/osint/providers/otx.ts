import type { IocType } from '@palisade/ioc/ioc';
import { z } from 'zod';
import type { OsintProvider } from '../osint-provider';
import { badRequest, badResponse, isResult, requestJson } from '../provider-http';
import { type LookupResult, ok } from '../verdict';

// GET /api/v1/indicators/{section}/{value}/general: pulse_info.count/pulses, validation (allow lists).
const General = z.object({
  indicator: z.string(),
  type: z.string().optional(),
  reputation: z.number().nullable().optional(),
  validation: z
    .array(z.object({ source: z.string(), message: z.string().optional(), name: z.string().optional() }))
    .default([]),
  pulse_info: z.object({
    count: z.number(),
    pulses: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          tags: z.array(z.string()).default([]),
          TLP: z.string().optional(),
        }),
      )
      .default([]),
  }),
});

const SECTION: Partial<Record<IocType, { api: string; gui: string }>> = {
  ipv4: { api: 'IPv4', gui: 'ip' },
  ipv6: { api: 'IPv6', gui: 'ip' },
  domain: { api: 'domain', gui: 'domain' },
  url: { api: 'url', gui: 'url' },
  md5: { api: 'file', gui: 'file' },
  sha1: { api: 'file', gui: 'file' },
  sha256: { api: 'file', gui: 'file' },
  cve: { api: 'cve', gui: 'cve' },
};

export const otx: OsintProvider = {
  id: 'otx',
  name: 'AlienVault OTX',
  artifactTypes: ['ipv4', 'ipv6', 'domain', 'url', 'md5', 'sha1', 'sha256', 'cve'],
  defaultBaseUrl: 'https://otx.alienvault.com/',
  requiresApiKey: true,
  shareable: true,
  ttlSeconds: 12 * 3600,
  rateLimit: { capacity: 60, refillPerSecond: 10_000 / 3600 },
  async lookup(artifact, ctx): Promise<LookupResult> {
    const section = SECTION[artifact.type];
    if (!section) return badRequest(400);
    const value = encodeURIComponent(artifact.value);
    const res = await requestJson(ctx, `api/v1/indicators/${section.api}/${value}/general`, {
      headers: { 'x-otx-api-key': ctx.credentials.apiKey ?? '' },
    });
    if (isResult(res)) return res;
    const link = `https://otx.alienvault.com/indicator/${section.gui}/${value}`;
    if (res.status === 404)
      return ok({ verdict: 'unknown', score: 0, evidence: [{ label: 'known to OTX', value: false }], link });
    if (res.status !== 200) return badRequest(res.status);
    const parsed = General.safeParse(res.body);
    if (!parsed.success) return badResponse(parsed.error.message);
    const g = parsed.data;
    const pulses = g.pulse_info.count;
    const allowListed = g.validation.length > 0;
    const verdict = allowListed
      ? 'benign'
      : pulses >= 3
        ? 'malicious'
        : pulses > 0
          ? 'suspicious'
          : 'unknown';
    return ok({
      verdict,
      score: allowListed ? 0 : Math.min(100, pulses * 20),
      evidence: [
        { label: 'pulses', value: pulses },
        ...g.pulse_info.pulses.slice(0, 3).map((p) => ({ label: 'pulse', value: p.name.slice(0, 200) })),
        ...g.validation.slice(0, 2).map((v) => ({ label: 'allow-listed by', value: v.source })),
      ],
      link,
    });
  },
};
