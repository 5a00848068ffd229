/** How the credential a tenant's calls use is shown: its own, the MSSP default, none, or opted out. */
export const EFFECTIVE: Record<
  'tenant' | 'mssp' | 'none' | 'disabled',
  { label: string; tone: 'success' | 'info' | 'neutral' | 'warning' }
> = {
  tenant: { label: "tenant's own", tone: 'success' },
  mssp: { label: 'MSSP default', tone: 'info' },
  none: { label: 'not configured', tone: 'neutral' },
  disabled: { label: 'disabled', tone: 'warning' },
};
