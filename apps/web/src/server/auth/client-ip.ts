/**
 * The client address for per-IP login throttling: the first X-Forwarded-For hop
 * (set by the reverse proxy in front of Palisade, or by `next start` itself), else
 * X-Real-IP. Behind no proxy a client can forge it, which is why the per-account
 * limit exists as well.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const pick = (name: string) => {
    const value = headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return pick('x-forwarded-for')?.split(',')[0]?.trim() || pick('x-real-ip')?.trim() || 'unknown';
}
