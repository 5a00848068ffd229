import type { ReactNode } from 'react';

export interface KeyRevealProps {
  label: string;
  secret: string;
  /** Why it is shown only now, what to do with it. */
  children?: ReactNode;
}

/** A secret shown once: selectable in one click, with a warning that it will not be shown again. */
export function KeyReveal({ label, secret, children }: KeyRevealProps) {
  return (
    <section aria-label={label} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 className="text-sm font-semibold text-amber-900">{label}</h3>
      <p className="mt-1 text-xs text-amber-900">
        Copy it now: it is stored hashed and cannot be shown again.
      </p>
      <code
        data-testid="revealed-key"
        className="mt-2 block select-all break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-amber-200"
      >
        {secret}
      </code>
      {children ? <div className="mt-3 text-sm text-slate-700">{children}</div> : null}
    </section>
  );
}
