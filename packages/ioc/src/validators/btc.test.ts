import { describe, expect, it } from 'vitest';
import { isBtcAddress } from './btc';

const VALID = [
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  '1111111111111111111114oLvT2',
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
  'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
];

describe('btc', () => {
  it.each(VALID)('accepts %s', (a) => expect(isBtcAddress(a)).toBe(true));

  it.each([
    '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', // checksum
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz',
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5',
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8F3t4', // mixed case
    'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', // testnet
    // v1 program checksummed with bech32 instead of bech32m (BIP 350 invalid vector shape)
    'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx',
    '1111111111111111111114oLvT3',
    '0BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
    'IBvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  ])('rejects %s', (a) => expect(isBtcAddress(a)).toBe(false));

  it('rejects every single-character substitution of a valid address', () => {
    for (const a of VALID.slice(0, 3)) {
      for (let i = 1; i < a.length; i++) {
        const swapped = a[i] === 'q' ? 'p' : a[i] === '2' ? '3' : 'q';
        const mutated = a.slice(0, i) + swapped + a.slice(i + 1);
        if (mutated !== a) expect(isBtcAddress(mutated), mutated).toBe(false);
      }
    }
  });
});
