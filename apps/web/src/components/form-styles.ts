/** Shared classes of the admin forms (tenant settings, onboarding wizard, portal users). */
export const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';
export const fieldLabel = 'text-xs font-medium text-slate-600';
export const primaryButton =
  'rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40';
export const linkButton = 'text-sm text-sky-800 hover:underline disabled:opacity-40';
export const dangerButton = 'text-sm text-red-700 hover:underline disabled:opacity-40';
