import type { ReactNode } from 'react';

export interface FilterBarProps {
  label: string;
  /** The filter controls (labelled inputs and selects). */
  children: ReactNode;
  /** Buttons at the end of the bar (reset, etc.). */
  actions?: ReactNode;
}

/** A wrapping row of filter controls, announced as a search region. */
export function FilterBar({ label, children, actions }: FilterBarProps) {
  return (
    <search
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      {children}
      {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
    </search>
  );
}
