import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** Says plainly that there is nothing here (yet) and why; never placeholder data. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h2 className="text-base font-medium text-slate-900">{title}</h2>
      {children ? <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{children}</div> : null}
    </section>
  );
}
