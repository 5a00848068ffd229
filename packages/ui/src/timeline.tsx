import type { ReactNode } from 'react';

export interface TimelineItem {
  id: string;
  /** Already formatted by the caller (time zone and locale are the page's concern). */
  when: ReactNode;
  /** ISO timestamp for the <time> element. */
  at: string;
  title: ReactNode;
  actor?: ReactNode;
  detail?: ReactNode;
}

export interface TimelineProps {
  items: readonly TimelineItem[];
  label?: string;
  /** Shown instead of an empty list. */
  empty?: ReactNode;
}

/** A vertical list of events, in the order given. */
export function Timeline({ items, label = 'Timeline', empty }: TimelineProps) {
  if (items.length === 0 && empty) return <>{empty}</>;
  return (
    <ol aria-label={label} className="relative space-y-4 border-l border-slate-200 pl-5">
      {items.map((item) => (
        <li key={item.id} className="relative">
          <span aria-hidden className="absolute -left-[25px] top-1.5 h-2 w-2 rounded-full bg-slate-400" />
          <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-medium text-slate-900">{item.title}</span>
            {item.actor ? <span className="text-slate-600">by {item.actor}</span> : null}
            <time dateTime={item.at} className="text-xs text-slate-500">
              {item.when}
            </time>
          </div>
          {item.detail ? <div className="mt-1 text-sm text-slate-700">{item.detail}</div> : null}
        </li>
      ))}
    </ol>
  );
}
