import { MAX_BATCH_ITEMS, MAX_ITEM_BYTES } from './ingest-limits';

/** Why one item of a batch was refused; the others are still accepted. */
export type ItemError = { code: 'invalid_json' | 'invalid_item' | 'item_too_large'; message: string };

/** One item: the parsed alert (a JSON object, or a string for CEF/LEEF/syslog/text) and its JSON text. */
export type ParsedItem =
  | { ok: true; value: Record<string, unknown> | string; text: string }
  | { ok: false; error: ItemError };

export type ParsedBody =
  | { ok: true; items: ParsedItem[] }
  | {
      ok: false;
      code: 'invalid_json' | 'empty_batch' | 'batch_too_large' | 'unsupported_media_type';
      message: string;
    };

const NDJSON_TYPES = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/json-seq',
]);

/**
 * The request body as items. `application/json`: one alert object or an array of them.
 * NDJSON (`application/x-ndjson`): one JSON value per line. `text/plain`: one alert per line, JSON
 * when it parses as an object, else the line as text (CEF, LEEF, syslog). Per-item problems become
 * item errors; only an unreadable whole body is an error.
 */
export function parseIngestBody(body: string, contentType: string | null): ParsedBody {
  const type = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type === '' || type.endsWith('+json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      return {
        ok: false,
        code: 'invalid_json',
        message: `body is not valid JSON: ${(err as Error).message}`,
      };
    }
    const values = Array.isArray(parsed) ? parsed : [parsed];
    return batch(values.map((v) => item(v)));
  }
  if (NDJSON_TYPES.has(type) || type === 'text/plain') {
    const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > MAX_BATCH_ITEMS) return tooMany(lines.length);
    return batch(lines.map((line) => lineItem(line, type === 'text/plain')));
  }
  return {
    ok: false,
    code: 'unsupported_media_type',
    message: 'use application/json, application/x-ndjson or text/plain',
  };
}

function batch(items: ParsedItem[]): ParsedBody {
  if (items.length === 0) return { ok: false, code: 'empty_batch', message: 'no alerts in the body' };
  if (items.length > MAX_BATCH_ITEMS) return tooMany(items.length);
  return { ok: true, items };
}

function tooMany(n: number): ParsedBody {
  return {
    ok: false,
    code: 'batch_too_large',
    message: `${n} alerts in one request; at most ${MAX_BATCH_ITEMS}`,
  };
}

function lineItem(line: string, textAllowed: boolean): ParsedItem {
  const trimmed = line.trim();
  if (trimmed.startsWith('{') || !textAllowed) {
    try {
      return item(JSON.parse(trimmed));
    } catch (err) {
      if (!textAllowed)
        return { ok: false, error: { code: 'invalid_json', message: (err as Error).message } };
    }
  }
  return item(trimmed);
}

function item(value: unknown): ParsedItem {
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject && !(typeof value === 'string' && value.trim() !== '')) {
    return {
      ok: false,
      error: { code: 'invalid_item', message: 'an alert must be a JSON object or a non-empty string' },
    };
  }
  if (isObject && Object.keys(value).length === 0) {
    return { ok: false, error: { code: 'invalid_item', message: 'an alert must not be an empty object' } };
  }
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_ITEM_BYTES) {
    return {
      ok: false,
      error: { code: 'item_too_large', message: `an alert may be at most ${MAX_ITEM_BYTES} bytes` },
    };
  }
  return { ok: true, value: value as Record<string, unknown> | string, text };
}
