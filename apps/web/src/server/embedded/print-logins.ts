import type { DemoLogins } from '@palisade/db/seed';

/** A plain table for the terminal (not the JSON log): the demo's first screen. */
export function formatLogins(logins: DemoLogins, url: string): string {
  const scope = (l: DemoLogins[number]) =>
    l.tenant ?? (l.role === 'mssp_admin' ? 'all tenants' : 'assigned tenants');
  const rows = logins.map((l) => [l.role, scope(l), l.email, l.password]);
  const header = ['role', 'tenant', 'email', 'password'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`;
  return [
    '',
    `  Palisade demo is ready at ${url}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
