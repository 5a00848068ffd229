import { describe, expect, it } from 'vitest';
import { hashType } from './hash';

describe('hash', () => {
  it.each([
    ['44d88612fea8a8f36de82e1278abb02f', 'md5'],
    ['3395856CE81F2B7382DEE72602F798B642F14140', 'sha1'],
    ['275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', 'sha256'],
    [
      `${'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce'}${'47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'}`,
      'sha512',
    ],
  ])('types %s', (h, t) => expect(hashType(h)).toBe(t));

  it.each([
    '44d88612fea8a8f36de82e1278abb02', // 31
    '44d88612fea8a8f36de82e1278abb02f0', // 33
    '12345678901234567890123456789012', // digits only: a number
    'deadbeefdeadbeefdeadbeefdeadbeef', // letters only
    '44d88612fea8a8f36de82e1278abb02g',
  ])('rejects %s', (h) => expect(hashType(h)).toBeNull());
});
