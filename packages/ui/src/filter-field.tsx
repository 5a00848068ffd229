import type { ReactNode } from 'react';

export interface FilterFieldProps {
  label: string;
  /** The id of the control in children. */
  htmlFor: string;
  children: ReactNode;
}

/** One labelled control of a FilterBar. */
export function FilterField({ label, htmlFor, children }: FilterFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}
