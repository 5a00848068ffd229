import { createHash } from 'node:crypto';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_INDEX[B58.charCodeAt(i)] = i;

function base58Decode(s: string): Uint8Array | null {
  const bytes: number[] = [0];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (B58_INDEX[c] as number) : -1;
    if (v < 0) return null;
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] as number) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

/** Legacy P2PKH (version 0x00) or P2SH (0x05) address with a valid 4-byte double-SHA-256 checksum. */
export function isBase58CheckAddress(s: string): boolean {
  if (s.length < 26 || s.length > 35 || (s[0] !== '1' && s[0] !== '3')) return false;
  const raw = base58Decode(s);
  if (raw?.length !== 25) return false;
  if (raw[0] !== 0x00 && raw[0] !== 0x05) return false;
  const check = sha256(sha256(raw.subarray(0, 21)));
  for (let i = 0; i < 4; i++) if (check[i] !== raw[21 + i]) return false;
  return true;
}

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ (GEN[i] as number)) >>> 0;
  }
  return chk;
}

/**
 * SegWit `bc1…` address (BIP 173 / BIP 350): bech32 for witness v0, bech32m for v1+, and the
 * program length rules so that a random string with a lucky checksum still fails.
 */
export function isBech32Address(input: string): boolean {
  if (input.length < 14 || input.length > 74) return false;
  const s = input.toLowerCase();
  if (s !== input && input.toUpperCase() !== input) return false;
  if (!s.startsWith('bc1')) return false;
  const data: number[] = [];
  for (let i = 3; i < s.length; i++) {
    const v = CHARSET.indexOf(s[i] as string);
    if (v < 0) return false;
    data.push(v);
  }
  if (data.length < 7) return false;
  const hrp = [3, 3, 0, 2, 3]; // expanded "bc": high bits, separator, low bits
  const check = polymod([...hrp, ...data]);
  const version = data[0] as number;
  if (version > 16) return false;
  if (check !== (version === 0 ? BECH32_CONST : BECH32M_CONST)) return false;
  const progBits = (data.length - 7) * 5;
  const progLen = Math.floor(progBits / 8);
  if (progBits % 8 >= 5) return false;
  if (progLen < 2 || progLen > 40) return false;
  if (version === 0 && progLen !== 20 && progLen !== 32) return false;
  return true;
}

export function isBtcAddress(s: string): boolean {
  return s.length > 3 && (s[0] === 'b' || s[0] === 'B') ? isBech32Address(s) : isBase58CheckAddress(s);
}
