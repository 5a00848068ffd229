const isB64 = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;

/**
 * Length of an ssdeep digest `blocksize:hash1:hash2` starting at `start`, or 0. The block size
 * must be 3·2^k, which keeps timestamps and `host:port:x` out.
 */
export function matchSsdeep(text: string, start: number): number {
  let i = start;
  let size = 0;
  while (i < text.length && i - start < 10) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    size = size * 10 + (c - 48);
    i++;
  }
  if (i === start || text.charCodeAt(i) !== 58 || !isBlockSize(size)) return 0;
  i++;
  const h1 = i;
  while (i < text.length && i - h1 <= 64 && isB64(text.charCodeAt(i))) i++;
  if (i - h1 < 3 || text.charCodeAt(i) !== 58) return 0;
  i++;
  const h2 = i;
  while (i < text.length && i - h2 <= 64 && isB64(text.charCodeAt(i))) i++;
  if (i - h2 < 3 || (i < text.length && (isB64(text.charCodeAt(i)) || text.charCodeAt(i) === 58))) return 0;
  return i - start;
}

function isBlockSize(n: number): boolean {
  if (n < 3 || n % 3 !== 0) return false;
  const k = n / 3;
  return (k & (k - 1)) === 0;
}
