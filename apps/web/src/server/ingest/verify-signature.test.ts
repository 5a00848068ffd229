import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './verify-signature';

const secret = 'a-long-enough-hmac-secret';
const now = 1_800_000_000;
const headers = (sig: string, ts: number | string) =>
  new Headers({ 'x-palisade-signature': sig, 'x-palisade-timestamp': String(ts) });

describe('verifySignature', () => {
  it('accepts the signature of the exact body within the window', () => {
    expect(
      verifySignature(secret, headers(signBody(secret, now, '{"a":1}'), now), '{"a":1}', now + 299),
    ).toEqual({
      ok: true,
    });
  });

  it.each([
    ['another body', signBody(secret, now, '{"a":1}'), now, '{"a":2}', now],
    ['another secret', signBody('another-secret-0000000', now, 'b'), now, 'b', now],
    ['an old timestamp', signBody(secret, now, 'b'), now, 'b', now + 301],
    ['a non-numeric timestamp', signBody(secret, now, 'b'), 'soon', 'b', now],
    ['a truncated signature', signBody(secret, now, 'b').slice(0, 20), now, 'b', now],
  ])('refuses %s', (_what, sig, ts, body, at) => {
    expect(verifySignature(secret, headers(sig, ts), body, at).ok).toBe(false);
  });

  it('refuses a request without the headers', () => {
    expect(verifySignature(secret, new Headers(), 'b', now).ok).toBe(false);
  });
});
