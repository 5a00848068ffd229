'use client';

import type { ReactNode } from 'react';

export const actionControl =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';

export interface ActionFormProps {
  /** The control's id, tied to its label. */
  id: string;
  label: string;
  submitLabel: string;
  submitDisabled: boolean;
  onSubmit: () => void;
  /** The one control (select or input) rendered beside the submit button, with `id` and `actionControl`. */
  control: ReactNode;
  children?: ReactNode;
}

/** One labelled control and its submit button: the shape of every incident action. */
export function ActionForm({
  id,
  label,
  submitLabel,
  submitDisabled,
  onSubmit,
  control,
  children,
}: ActionFormProps) {
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="flex gap-2">
        {control}
        <button
          type="submit"
          disabled={submitDisabled}
          className="shrink-0 rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-40"
        >
          {submitLabel}
        </button>
      </div>
      {children}
    </form>
  );
}
