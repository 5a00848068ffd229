import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';
import { dedupClaim } from './dedup-claim';

describe('dedupClaim', () => {
  it('uses the configured id field forever, else the payload hash for 24 h', () => {
    const item = { event: { id: 'E-1' }, n: 1 };
    expect(dedupClaim(item, JSON.stringify(item), 'event.id')).toMatchObject({
      key: 'field:E-1',
      ttlHours: null,
    });
    const byHash = dedupClaim(item, JSON.stringify(item), null);
    expect(byHash.key).toBe(`hash:${byHash.payloadHash}`);
    expect(byHash.ttlHours).toBe(24);
    expect(dedupClaim(item, JSON.stringify(item), 'event.missing').key).toBe(byHash.key);
    expect(dedupClaim('CEF:0|x', '"CEF:0|x"', 'event.id').key).toMatch(/^hash:/);
  });
});

describe('API keys', () => {
  it('generates distinct keys that carry their prefix and hash to 64 hex chars', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toBe(b.key);
    expect(a.key.startsWith(`${a.prefix}_`)).toBe(true);
    expect(looksLikeApiKey(a.key)).toBe(true);
    expect(looksLikeApiKey('psk_123')).toBe(false);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
