import type { ReactNode } from 'react';

export interface SectionCardProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled white card; the page's sections (summary, alerts, timeline) each get one. */
export function SectionCard({ title, actions, children }: SectionCardProps) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
