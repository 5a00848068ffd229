/** Machine-readable error codes of the ingest API (also listed in the OpenAPI document). */
export type IngestErrorCode =
  | 'unauthorized'
  | 'invalid_signature'
  | 'tenant_suspended'
  | 'source_disabled'
  | 'payload_too_large'
  | 'batch_too_large'
  | 'unsupported_media_type'
  | 'invalid_json'
  | 'empty_batch'
  | 'no_valid_items'
  | 'rate_limited'
  | 'queue_unavailable'
  | 'internal';

/** `{ error: { code, message } }`, the one error shape of the API. */
export function ingestError(
  status: number,
  code: IngestErrorCode,
  message: string,
  init: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): Response {
  return Response.json(
    { error: { code, message }, ...init.extra },
    { status, headers: { 'cache-control': 'no-store', ...init.headers } },
  );
}
