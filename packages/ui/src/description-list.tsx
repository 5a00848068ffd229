import type { ReactNode } from 'react';

export interface DescriptionListProps {
  items: readonly { term: string; detail: ReactNode }[];
}

/** Label / value pairs in a grid, for summaries. */
export function DescriptionList({ items }: DescriptionListProps) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div key={item.term}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.term}</dt>
          <dd className="mt-0.5 text-slate-900">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
