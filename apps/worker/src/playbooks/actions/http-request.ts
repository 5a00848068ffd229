import { lookup } from 'node:dns/promises';
import { httpRequest } from '@palisade/playbook/actions/http-request';
import { checkOutboundUrl, privateRange } from '@palisade/playbook/check-outbound-url';
import { actionImpl } from '../action-impl';

/** Bodies past this are cut: a run row is no place for a download. */
const MAX_BODY_CHARS = 1_000_000;

export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED' as const;
}

/**
 * A real fetch to a host on the tenant's allow-list. The name is resolved first and every address
 * checked, so an allowed name pointing at 127.0.0.1 or 10.x is refused unless that address (or the
 * literal host) is itself allowed. The check and the connection resolve separately (a rebinding window
 * that pinning the socket's address would close).
 */
export function httpRequestImpl(allowedHosts: (tenantId: string) => readonly string[]) {
  return actionImpl({
    mode: 'io',
    contract: httpRequest,
    run: async (input, ctx) => {
      const allowed = allowedHosts(ctx.tenantId);
      const check = checkOutboundUrl(input.url, allowed);
      if (!check.ok) throw new OutboundRefusedError(`refused: ${check.reason}`);
      const host = check.url.hostname.replace(/^\[|\]$/g, '');
      const addresses = await lookup(host, { all: true, verbatim: true });
      const exact = new Set(allowed.map((h) => h.toLowerCase()));
      for (const { address } of addresses) {
        const range = privateRange(address);
        if (range && !exact.has(host.toLowerCase()) && !exact.has(address)) {
          throw new OutboundRefusedError(`refused: ${host} resolves to ${address} (${range})`);
        }
      }
      const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(input.timeoutMs)]);
      const hasBody = input.body !== undefined && input.method !== 'GET' && input.method !== 'HEAD';
      const res = await fetch(check.url, {
        method: input.method,
        headers: {
          ...(hasBody && typeof input.body !== 'string' ? { 'content-type': 'application/json' } : {}),
          ...input.headers,
          'idempotency-key': ctx.idempotencyKey,
        },
        ...(hasBody
          ? { body: typeof input.body === 'string' ? input.body : JSON.stringify(input.body) }
          : {}),
        redirect: 'manual',
        signal,
      });
      const text = (await res.text()).slice(0, MAX_BODY_CHARS);
      const headers = Object.fromEntries(res.headers.entries());
      let body: unknown = text;
      if ((headers['content-type'] ?? '').includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      if (res.status >= 500) throw new Error(`HTTP ${res.status} from ${host}`);
      return { status: res.status, headers, body };
    },
  });
}
