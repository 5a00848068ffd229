import type { Db } from '@palisade/db/client';
import { EnqueueError } from '@palisade/db/jobs/enqueue';
import { openHmacSecret } from '@palisade/db/queries/data-sources/hmac-secret';
import { acceptAlerts } from '@palisade/db/queries/ingest/accept-alerts';
import { hashApiKey, looksLikeApiKey } from '@palisade/db/queries/ingest/api-key';
import { authenticateIngestKey } from '@palisade/db/queries/ingest/authenticate-ingest-key';
import { dedupClaim } from '@palisade/db/queries/ingest/dedup-claim';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { Logger } from 'pino';
import { ingestError } from './ingest-error';
import { MAX_BODY_BYTES } from './ingest-limits';
import { type ItemError, parseIngestBody } from './parse-ingest-body';
import { readLimitedBody } from './read-limited-body';
import { verifySignature } from './verify-signature';

export interface IngestDeps {
  /** The login connection (auth lookups + withTenant); never the owner in production. */
  db: Db;
  /** The at-rest key (PALISADE_SECRET_KEY), needed only for data sources with an HMAC secret. */
  secretKey: () => Buffer;
  log: Logger;
}

/** One entry per item of the request, in order. */
export type IngestItemResult =
  | { index: number; status: 'accepted'; alertId: string }
  | { index: number; status: 'duplicate'; duplicateOf: string | null }
  | { index: number; status: 'rejected'; error: ItemError };

export type IngestResponseBody = {
  accepted: number;
  duplicates: number;
  rejected: number;
  items: IngestItemResult[];
};

const UNAUTHORIZED = 'missing, malformed, unknown or revoked API key';

/**
 * `POST /api/ingest/v1/alerts`. Order: key shape → body size → parse → key lookup + rate limit
 * (one round trip) → signature → store raw + enqueue (one transaction) → 202. The 202 is sent only
 * after the commit, so an acknowledged alert is durable; invalid items are reported per item while
 * the valid ones are stored (HTTP 202 with a per-item body; 400 when none is valid).
 */
export async function handleIngest(request: Request, deps: IngestDeps): Promise<Response> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  const key = match?.[1];
  if (!key || !looksLikeApiKey(key)) {
    return ingestError(401, 'unauthorized', UNAUTHORIZED, { headers: { 'www-authenticate': 'Bearer' } });
  }

  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body === null) {
    return ingestError(413, 'payload_too_large', `the body may be at most ${MAX_BODY_BYTES} bytes`);
  }
  const parsed = parseIngestBody(body, request.headers.get('content-type'));
  const valid = parsed.ok ? parsed.items.filter((i) => i.ok).length : 0;

  const auth = await authenticateIngestKey(deps.db, { keyHash: hashApiKey(key), cost: valid });
  switch (auth.status) {
    case 'unknown_key':
    case 'revoked':
      return ingestError(401, 'unauthorized', UNAUTHORIZED, { headers: { 'www-authenticate': 'Bearer' } });
    case 'tenant_suspended':
      return ingestError(
        403,
        'tenant_suspended',
        'the tenant of this data source is suspended; alerts are refused',
      );
    case 'source_disabled':
      return ingestError(403, 'source_disabled', 'this data source is disabled; alerts are refused');
    case 'over_burst':
      return ingestError(
        413,
        'batch_too_large',
        "the batch is larger than this data source's rate-limit burst",
      );
    case 'rate_limited':
      return ingestError(
        429,
        'rate_limited',
        `rate limit exceeded; retry after ${auth.retryAfterSeconds} s`,
        {
          headers: { 'retry-after': String(auth.retryAfterSeconds) },
        },
      );
    case 'ok':
      break;
  }

  if (auth.hmacSecretCiphertext) {
    const secret = openHmacSecret(
      deps.secretKey(),
      auth.tenantId,
      auth.dataSourceId,
      auth.hmacSecretCiphertext,
    );
    const check = verifySignature(secret, request.headers, body);
    if (!check.ok) return ingestError(401, 'invalid_signature', check.message);
  }

  if (!parsed.ok) {
    const status =
      parsed.code === 'batch_too_large' ? 413 : parsed.code === 'unsupported_media_type' ? 415 : 400;
    return ingestError(status, parsed.code, parsed.message);
  }

  const items: IngestItemResult[] = new Array(parsed.items.length);
  const toStore: {
    index: number;
    raw: unknown;
    payloadHash: string;
    key: string;
    ttlHours: number | null;
  }[] = [];
  parsed.items.forEach((item, index) => {
    if (!item.ok) {
      items[index] = { index, status: 'rejected', error: item.error };
      return;
    }
    const claim = dedupClaim(item.value, item.text, auth.dedupField);
    toStore.push({ index, raw: item.value, ...claim });
  });

  if (toStore.length > 0) {
    const stored = await withTenantOn(deps.db, auth.tenantId, (tx) =>
      acceptAlerts(tx, {
        tenantId: auth.tenantId,
        dataSourceId: auth.dataSourceId,
        items: toStore.map(({ index: _index, ...rest }) => rest),
      }),
    ).catch((err: unknown) => {
      // The alerts and their job share one transaction, so nothing was stored: the sender retries.
      if (err instanceof EnqueueError) return null;
      throw err;
    });
    if (!stored) {
      return ingestError(
        503,
        'queue_unavailable',
        'alert processing is not ready (no worker has created its queue yet); nothing was stored, retry later',
        { headers: { 'retry-after': '30' } },
      );
    }
    stored.forEach((result, i) => {
      const index = (toStore[i] as { index: number }).index;
      items[index] =
        result.status === 'accepted'
          ? { index, status: 'accepted', alertId: result.alertId }
          : { index, status: 'duplicate', duplicateOf: result.duplicateOf };
    });
  }

  const summary: IngestResponseBody = {
    accepted: items.filter((i) => i.status === 'accepted').length,
    duplicates: items.filter((i) => i.status === 'duplicate').length,
    rejected: items.filter((i) => i.status === 'rejected').length,
    items,
  };
  deps.log.info(
    {
      tenant_id: auth.tenantId,
      data_source_id: auth.dataSourceId,
      accepted: summary.accepted,
      duplicates: summary.duplicates,
      rejected: summary.rejected,
    },
    'alerts ingested',
  );
  if (toStore.length === 0) {
    return ingestError(400, 'no_valid_items', 'no item of the batch is a valid alert', { extra: summary });
  }
  return Response.json(summary, { status: 202, headers: { 'cache-control': 'no-store' } });
}
