import {
  MAX_BATCH_ITEMS,
  MAX_BODY_BYTES,
  MAX_ITEM_BYTES,
  SIGNATURE_TOLERANCE_SECONDS,
} from './ingest-limits';

const error = (description: string, codes: string[]) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      example: { error: { code: codes[0], message: description } },
    },
  },
});

/** The OpenAPI 3.1 document of the ingest API, served at /api/openapi/ingest-v1. */
export const ingestOpenApi = {
  openapi: '3.1.0',
  info: {
    title: 'Palisade alert ingest API',
    version: '1.0.0',
    description: [
      'Send alerts from a SIEM, EDR, mail gateway or script. Each data source of a tenant has its own API keys',
      '(created in the console, shown once). The raw alert is stored durably before the 202 answer; normalization,',
      'artifacts and incidents follow in the background.',
      '',
      `Limits: body ≤ ${MAX_BODY_BYTES} bytes, ≤ ${MAX_BATCH_ITEMS} alerts per request, one alert ≤ ${MAX_ITEM_BYTES} bytes,`,
      'and a per-key token bucket (alerts per second, burst) set on the data source.',
      '',
      'Re-sends are harmless: an alert with the same payload within 24 hours, or the same id in the data source’s',
      'configured id field, is acknowledged as `duplicate` and not stored again; alerts whose normalized source id',
      'was already processed are kept as duplicates and join no incident.',
    ].join('\n'),
  },
  servers: [{ url: '/' }],
  security: [{ apiKey: [] }],
  paths: {
    '/api/ingest/v1/alerts': {
      post: {
        operationId: 'ingestAlerts',
        summary: 'Send one alert or a batch',
        description: [
          '`application/json`: one alert object, or an array of alerts.',
          '`application/x-ndjson`: one JSON alert per line.',
          '`text/plain`: one alert per line: JSON objects, or CEF / LEEF / syslog lines as text.',
          '',
          'Invalid items do not fail the batch: the answer is 202 with one entry per item (`accepted`, `duplicate`',
          'or `rejected` with an error), in request order. When no item is valid the answer is 400 with the same items.',
          '',
          'Signed data sources: send `X-Palisade-Timestamp` (unix seconds) and `X-Palisade-Signature: sha256=<hex>`,',
          `the HMAC-SHA256 of \`<timestamp>.<raw body>\` with the data source's secret; ±${SIGNATURE_TOLERANCE_SECONDS} s.`,
        ].join('\n'),
        parameters: [
          {
            name: 'X-Palisade-Timestamp',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^\\d+$' },
          },
          {
            name: 'X-Palisade-Signature',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/Alert' },
                  { type: 'array', maxItems: MAX_BATCH_ITEMS, items: { $ref: '#/components/schemas/Alert' } },
                ],
              },
              example: {
                id: 'evt-1029',
                title: 'Brute force against VPN',
                host: 'vpn-01',
                user: 'alice',
                src_ip: '203.0.113.7',
                severity: 'high',
              },
            },
            'application/x-ndjson': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        responses: {
          '202': {
            description: 'Stored (durably) and queued for processing; per-item results in request order.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestResult' } } },
          },
          '400': error('The body is not valid JSON, is empty, or holds no valid alert.', [
            'invalid_json',
            'empty_batch',
            'no_valid_items',
          ]),
          '401': error('Missing, malformed, unknown or revoked API key, or a bad signature.', [
            'unauthorized',
            'invalid_signature',
          ]),
          '403': error('The tenant is suspended or the data source is disabled.', [
            'tenant_suspended',
            'source_disabled',
          ]),
          '413': error('The body or the batch is too large.', ['payload_too_large', 'batch_too_large']),
          '415': error('Unsupported content type.', ['unsupported_media_type']),
          '429': {
            ...error('Rate limit of this key exceeded.', ['rate_limited']),
            headers: {
              'Retry-After': {
                description: 'Seconds until the batch would fit.',
                schema: { type: 'integer' },
              },
            },
          },
          '500': error('Not stored; retry later.', ['internal']),
          '503': {
            ...error('Not stored: no worker has created the processing queue yet; retry later.', [
              'queue_unavailable',
            ]),
            headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'A data-source API key (`psk_…`).' },
    },
    schemas: {
      Alert: {
        description:
          'Any JSON object as your source emits it (Splunk, Elastic, Defender, Sentinel, CrowdStrike, Wazuh or your own shape), or a CEF/LEEF/syslog line as a string.',
        oneOf: [
          { type: 'object', minProperties: 1 },
          { type: 'string', minLength: 1 },
        ],
      },
      IngestResult: {
        type: 'object',
        required: ['accepted', 'duplicates', 'rejected', 'items'],
        properties: {
          accepted: { type: 'integer' },
          duplicates: { type: 'integer' },
          rejected: { type: 'integer' },
          items: {
            type: 'array',
            items: {
              oneOf: [
                {
                  type: 'object',
                  required: ['index', 'status', 'alertId'],
                  properties: {
                    index: { type: 'integer' },
                    status: { const: 'accepted' },
                    alertId: { type: 'string', format: 'uuid' },
                  },
                },
                {
                  type: 'object',
                  required: ['index', 'status', 'duplicateOf'],
                  properties: {
                    index: { type: 'integer' },
                    status: { const: 'duplicate' },
                    duplicateOf: { type: ['string', 'null'], format: 'uuid' },
                  },
                },
                {
                  type: 'object',
                  required: ['index', 'status', 'error'],
                  properties: {
                    index: { type: 'integer' },
                    status: { const: 'rejected' },
                    error: {
                      type: 'object',
                      properties: {
                        code: { enum: ['invalid_json', 'invalid_item', 'item_too_large'] },
                        message: { type: 'string' },
                      },
                    },
                  },
                },
              ],
            },
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;
