import { describe, expect, it } from 'vitest';
import { MAX_BATCH_ITEMS, MAX_ITEM_BYTES } from './ingest-limits';
import { parseIngestBody } from './parse-ingest-body';

const statuses = (body: ReturnType<typeof parseIngestBody>) =>
  body.ok ? body.items.map((i) => (i.ok ? 'ok' : i.error.code)) : body.code;

describe('parseIngestBody', () => {
  it('reads one object or an array as JSON', () => {
    expect(statuses(parseIngestBody('{"a":1}', 'application/json'))).toEqual(['ok']);
    expect(statuses(parseIngestBody('[{"a":1},{"b":2}]', 'application/json; charset=utf-8'))).toEqual([
      'ok',
      'ok',
    ]);
  });

  it('reports non-objects, empty objects and oversized items per item', () => {
    const big = JSON.stringify({ x: 'y'.repeat(MAX_ITEM_BYTES) });
    expect(
      statuses(parseIngestBody(`[{"a":1},3,null,{},"",[1],${big},"CEF:0|x"]`, 'application/json')),
    ).toEqual([
      'ok',
      'invalid_item',
      'invalid_item',
      'invalid_item',
      'invalid_item',
      'invalid_item',
      'item_too_large',
      'ok',
    ]);
  });

  it('refuses a body that is not JSON, an empty batch and too many items', () => {
    expect(statuses(parseIngestBody('{"a":', 'application/json'))).toBe('invalid_json');
    expect(statuses(parseIngestBody('[]', 'application/json'))).toBe('empty_batch');
    const many = JSON.stringify(Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({ a: 1 })));
    expect(statuses(parseIngestBody(many, 'application/json'))).toBe('batch_too_large');
    expect(statuses(parseIngestBody('x', 'application/xml'))).toBe('unsupported_media_type');
  });

  it('reads NDJSON line by line, with per-line JSON errors', () => {
    expect(statuses(parseIngestBody('{"a":1}\r\n\n{oops\n{"b":2}\n', 'application/x-ndjson'))).toEqual([
      'ok',
      'invalid_json',
      'ok',
    ]);
  });

  it('reads text/plain lines as JSON objects or as text records', () => {
    const body = parseIngestBody('{"a":1}\n<134>Nov 23 fw CEF:0|PAN|x\n', 'text/plain');
    expect(body.ok && body.items.map((i) => i.ok && i.value)).toEqual([
      { a: 1 },
      '<134>Nov 23 fw CEF:0|PAN|x',
    ]);
  });
});
