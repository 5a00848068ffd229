// Indicators in an email must not be clickable or trip the recipient's mail filter: SOC convention
// is hxxp:// and [.] (the extractor's refang reverses both).
const DEFANGED_TYPES = new Set(['url', 'domain', 'ipv4', 'ipv6', 'email']);

/** The value as it should appear in a notice: defanged for network indicators, unchanged otherwise. */
export function defang(type: string, value: string): string {
  if (!DEFANGED_TYPES.has(type)) return value;
  if (type === 'ipv6') return value.replace(/:/g, '[:]');
  return value
    .replace(/^http(s?):\/\//i, 'hxxp$1://')
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]');
}
