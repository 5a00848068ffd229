import { z } from 'zod';
import type { OsintProvider } from '../osint-provider';
import { badRequest, badResponse, isResult, requestJson } from '../provider-http';
import { type LookupResult, ok } from '../verdict';

// POST /attributes/restSearch { returnFormat: 'json', value } -> { response: { Attribute: [...] } }.
const Attribute = z.object({
  id: z.string(),
  event_id: z.string(),
  type: z.string(),
  category: z.string().optional(),
  value: z.string(),
  to_ids: z.boolean(),
  timestamp: z.string().optional(),
  comment: z.string().optional(),
  Event: z
    .object({ id: z.string(), info: z.string().optional(), threat_level_id: z.string().optional() })
    .optional(),
  Tag: z.array(z.object({ name: z.string() })).optional(),
});
const RestSearch = z.object({ response: z.object({ Attribute: z.array(Attribute).default([]) }) });

export const misp: OsintProvider = {
  id: 'misp',
  name: 'MISP',
  artifactTypes: ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512'],
  // Self-hosted: the tenant (or MSSP) configures the instance's URL.
  defaultBaseUrl: '',
  requiresApiKey: true,
  // A tenant's MISP instance and its sharing groups are tenant data.
  shareable: false,
  ttlSeconds: 0,
  rateLimit: { capacity: 50, refillPerSecond: 10 },
  async lookup(artifact, ctx): Promise<LookupResult> {
    if (!ctx.credentials.baseUrl) {
      return { status: 'unavailable', reason: 'not_configured', message: 'MISP needs its instance URL' };
    }
    const res = await requestJson(ctx, 'attributes/restSearch', {
      method: 'POST',
      headers: { authorization: ctx.credentials.apiKey ?? '' },
      body: { returnFormat: 'json', value: artifact.value, limit: 50, includeEventTags: true },
    });
    if (isResult(res)) return res;
    if (res.status !== 200) return badRequest(res.status);
    const parsed = RestSearch.safeParse(res.body);
    if (!parsed.success) return badResponse(parsed.error.message);
    const attrs = parsed.data.response.Attribute;
    const detection = attrs.filter((a) => a.to_ids);
    const events = [...new Set(attrs.map((a) => a.event_id))];
    const first = detection[0] ?? attrs[0];
    return ok({
      verdict: detection.length > 0 ? 'malicious' : attrs.length > 0 ? 'suspicious' : 'unknown',
      score: detection.length > 0 ? 85 : attrs.length > 0 ? 40 : 0,
      evidence: [
        { label: 'matching attributes', value: attrs.length },
        { label: 'marked for detection (to_ids)', value: detection.length },
        { label: 'events', value: events.length },
        ...(first?.Event?.info ? [{ label: 'event', value: first.Event.info.slice(0, 200) }] : []),
        ...(first?.category ? [{ label: 'category', value: first.category }] : []),
      ],
      link: first
        ? new URL(
            `events/view/${encodeURIComponent(first.event_id)}`,
            withSlash(ctx.credentials.baseUrl),
          ).toString()
        : null,
    });
  },
};

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
