import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it.each([
    ['/console/tenants', '/console/tenants'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('%s -> %s', (input, want) => expect(safeCallbackUrl(input)).toBe(want));
});
